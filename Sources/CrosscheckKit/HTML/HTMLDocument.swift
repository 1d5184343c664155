internal import CLibXML2

/// An HTML page parsed into a compact, immutable tree.
///
/// Parsing uses libxml2's forgiving HTML parser (unclosed tags, stray end tags, entities, scripts
/// that contain markup), then copies the tree into Swift values so the rest of the engine never
/// touches C pointers. Nodes live in one array and refer to each other by index.
public struct HTMLDocument: Sendable {
    /// One element or text node.
    public struct Node: Sendable {
        /// The lower-cased tag name for elements; empty for text nodes.
        public var tag: String
        /// The text of a text node; empty for elements.
        public var text: String
        /// The element's attributes, names lower-cased, in source order.
        public var attributes: [(name: String, value: String)]
        /// Indices of the child nodes, in order.
        public var children: [Int]
        /// Index of the parent node; -1 for the root.
        public var parent: Int

        /// Whether this is a text node.
        public var isText: Bool { tag.isEmpty }

        /// The value of the attribute `name` (lower-case), if present.
        public func attribute(_ name: String) -> String? {
            for attribute in attributes where attribute.name == name { return attribute.value }
            return nil
        }
    }

    /// All nodes; index 0 is the document root.
    public let nodes: [Node]

    /// For XML: whether the input parsed without libxml2's recovery.
    public private(set) var isWellFormed = true

    /// The index of the document root.
    public var root: Int { 0 }

    /// Parses `html`, never failing: broken markup is repaired the way browsers repair it.
    public init(parsing html: String) {
        var builder = Builder()
        let options =
            Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        var source = html
        let document: htmlDocPtr? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", options)
            }
        }
        if let document {
            builder.copy(from: document)
            xmlFreeDoc(document)
        } else {
            builder.nodes = [Node(tag: "#document", text: "", attributes: [], children: [], parent: -1)]
        }
        nodes = builder.nodes
    }

    /// Parses `xml` as XML (feeds, sitemaps); `nil` when it is not well-formed even after
    /// libxml2's recovery. Element names keep their namespace prefix (`content:encoded`).
    public init?(parsingXML xml: String) {
        var source = xml
        let strict = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
                | XML_PARSE_HUGE.rawValue)
        let recover = strict | Int32(XML_PARSE_RECOVER.rawValue)
        var wellFormed = true
        var document: xmlDocPtr? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", strict)
            }
        }
        if document == nil {
            wellFormed = false
            document = source.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlReadMemory(chars.baseAddress, Int32(clamping: chars.count), nil, "UTF-8", recover)
                }
            }
        }
        guard let document, xmlDocGetRootElement(document) != nil else {
            if let document { xmlFreeDoc(document) }
            return nil
        }
        var builder = Builder()
        builder.keepPrefixes = true
        builder.copy(from: document)
        xmlFreeDoc(document)
        nodes = builder.nodes
        isWellFormed = wellFormed
    }

    /// Copies a libxml2 tree into the node array without recursion, so deep pages cannot
    /// exhaust the stack.
    private struct Builder {
        var nodes: [Node] = []
        /// libxml2 interns element and attribute names, so one Swift string serves each pointer.
        var names: [UnsafePointer<xmlChar>: String] = [:]

        var keepPrefixes = false

        mutating func name(_ pointer: UnsafePointer<xmlChar>) -> String {
            if let known = names[pointer] { return known }
            let name = String(cString: pointer).lowercased()
            names[pointer] = name
            return name
        }

        mutating func copy(from document: htmlDocPtr) {
            nodes.append(Node(tag: "#document", text: "", attributes: [], children: [], parent: -1))
            var stack: [(xmlNodePtr, Int)] = []
            var child = document.pointee.children
            var pending: [xmlNodePtr] = []
            while let node = child { pending.append(node); child = node.pointee.next }
            for node in pending.reversed() { stack.append((node, 0)) }
            while let (pointer, parent) = stack.popLast() {
                let node = pointer.pointee
                switch node.type {
                case XML_ELEMENT_NODE:
                    var tag = name(node.name)
                    if keepPrefixes, let namespace = node.ns, let prefix = namespace.pointee.prefix {
                        tag = name(prefix) + ":" + tag
                    }
                    var attributes: [(name: String, value: String)] = []
                    var property = node.properties
                    while let attribute = property {
                        let attributeName = name(attribute.pointee.name)
                        var value = ""
                        var part = attribute.pointee.children
                        while let text = part {
                            if let content = text.pointee.content { value += String(cString: content) }
                            part = text.pointee.next
                        }
                        attributes.append((attributeName, value))
                        property = attribute.pointee.next
                    }
                    let index = append(Node(tag: tag, text: "", attributes: attributes, children: [], parent: parent))
                    var children: [xmlNodePtr] = []
                    var next = node.children
                    while let current = next { children.append(current); next = current.pointee.next }
                    for current in children.reversed() { stack.append((current, index)) }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = node.content else { continue }
                    let text = String(cString: content)
                    if text.isEmpty { continue }
                    _ = append(Node(tag: "", text: text, attributes: [], children: [], parent: parent))
                default:
                    continue  // comments, processing instructions, DTDs
                }
            }
        }

        mutating func append(_ node: Node) -> Int {
            let index = nodes.count
            nodes.append(node)
            if node.parent >= 0 { nodes[node.parent].children.append(index) }
            return index
        }
    }
}
