/// An error that tells the user what went wrong and what to do about it.
///
/// Each error has a stable ``code``; the command-line tool maps codes to distinct exit statuses.
public struct CrosscheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Wrapped: String, Sendable, Hashable, CaseIterable {
            case fileNotFound
            case isDirectory
            case unreadable
            case emptyArticle
            case binaryInput
            case inputTooLarge
            case unreachable
            case httpStatus
            case malformedJSON
            case unsupportedContent
            case tooManyRedirects
            case invalidArgument
            case writeFailed
            case modelMissing
            case badDataLine
        }

        let wrapped: Wrapped

        /// The input path does not exist.
        public static let fileNotFound = Code(wrapped: .fileNotFound)
        /// The input path is a directory.
        public static let isDirectory = Code(wrapped: .isDirectory)
        /// The input exists but could not be read.
        public static let unreadable = Code(wrapped: .unreadable)
        /// No article body was found in the input.
        public static let emptyArticle = Code(wrapped: .emptyArticle)
        /// The input looks like binary data, not text, HTML or JSON.
        public static let binaryInput = Code(wrapped: .binaryInput)
        /// The input is larger than the configured limit.
        public static let inputTooLarge = Code(wrapped: .inputTooLarge)
        /// A URL could not be reached (DNS, connection, timeout).
        public static let unreachable = Code(wrapped: .unreachable)
        /// A server answered with an error status.
        public static let httpStatus = Code(wrapped: .httpStatus)
        /// JSON input could not be decoded.
        public static let malformedJSON = Code(wrapped: .malformedJSON)
        /// A server sent content of a type the engine cannot read.
        public static let unsupportedContent = Code(wrapped: .unsupportedContent)
        /// A URL redirected more times than allowed.
        public static let tooManyRedirects = Code(wrapped: .tooManyRedirects)
        /// An option had a value that cannot be used.
        public static let invalidArgument = Code(wrapped: .invalidArgument)
        /// Output could not be written.
        public static let writeFailed = Code(wrapped: .writeFailed)
        /// A model file is missing or damaged.
        public static let modelMissing = Code(wrapped: .modelMissing)
        /// A line of batch input could not be used.
        public static let badDataLine = Code(wrapped: .badDataLine)

        /// Every code, in a stable order.
        public static var all: [Code] { Wrapped.allCases.map(Code.init(wrapped:)) }

        public var description: String { wrapped.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong and how to fix it, in one line.
    public var message: String
    /// Where in the input the problem is, when it has a place (for example `line 3`).
    public var location: String?

    public init(_ code: Code, _ message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
