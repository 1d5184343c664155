/// An error that tells the user what went wrong and what to do about it.
///
/// Each error has a stable ``code``; the command-line tool maps codes to distinct exit statuses.
public struct CrosscheckError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
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
            case storeFailed
            case speechUnavailable
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
        /// The evidence store could not be opened, read or written.
        public static let storeFailed = Code(wrapped: .storeFailed)
        /// The speech synthesiser or the audio encoder is not installed.
        public static let speechUnavailable = Code(wrapped: .speechUnavailable)

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
    /// A setting whose change would fix the failure; a front end names it in its own terms (the
    /// command line as an option), so the message does not.
    public var adjustment: Adjustment?
    /// The underlying error, when one caused this.
    public var cause: (any Error & Sendable)?

    /// A setting a front end offers that would fix a failure.
    public enum Adjustment: String, Sendable, Hashable {
        /// Raise the input size limit.
        case inputLimit
        /// Read the input in another format (plain text or HTML).
        case inputFormat
        /// Add the address as a single page instead of a feed.
        case pageSource
        /// Use another store file.
        case storeFile
        /// Name another folder of model files.
        case modelDirectory
    }

    /// Where in the engine's code the error was made, for logs and bug reports.
    public struct Origin: Sendable, Hashable, CustomStringConvertible {
        public var function: String
        public var file: String
        public var line: Int

        public var description: String { "\(file):\(line) in \(function)" }
    }

    /// Where in the engine's code the error was made.
    public var origin: Origin

    public init(
        _ code: Code, _ message: String, location: String? = nil, adjustment: Adjustment? = nil, cause: (any Error & Sendable)? = nil,
        function: String = #function, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.adjustment = adjustment
        self.cause = cause
        self.origin = Origin(function: function, file: file, line: line)
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    /// The description with where it was made and the underlying error, for logs.
    public var debugDescription: String {
        description + " [\(code) at \(origin)]" + (cause.map { " [cause: \(String(reflecting: $0))]" } ?? "")
    }

    /// Errors are equal when they say the same thing; the cause and origin are not compared.
    public static func == (lhs: CrosscheckError, rhs: CrosscheckError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.location == rhs.location && lhs.adjustment == rhs.adjustment
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
        hasher.combine(location)
        hasher.combine(adjustment)
    }
}
