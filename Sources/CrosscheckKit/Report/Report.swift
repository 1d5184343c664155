/// Everything the engine found about one article: the document behind every output format.
///
/// Encoded as JSON it follows the `crosscheck.report/1` schema (docs/report-schema.md). Stages
/// that have not run leave their sections empty; new stages add sections without reshaping it.
public struct Report: Sendable, Hashable, Codable {
    /// The schema identifier written in every report.
    public static let schemaVersion = "crosscheck.report/1"

    public var schema: String
    public var engine: EngineInfo
    /// When the report was made (ISO 8601).
    public var generatedAt: String
    public var input: InputInfo
    public var article: ReportArticle
    public var claims: [ReportClaim]
    /// Counts of claims, and the check-worthy ones without a named source.
    public var summary: ClaimsSummary?
    /// Every quotation in the article, with its speaker.
    public var quotations: [Quotation]
    public var language: LanguageSection?
    public var comments: [CommentScreening]
    /// The thread's summary: how many comments look inauthentic, templates, common reasons.
    public var commentSummary: CommentSummary?
    /// How long each stage took.
    public var timings: [StageTiming]

    public init(
        engine: EngineInfo = EngineInfo(), generatedAt: String, input: InputInfo, article: ReportArticle,
        claims: [ReportClaim] = [], language: LanguageSection? = nil, comments: [CommentScreening] = [],
        timings: [StageTiming] = []
    ) {
        self.schema = Self.schemaVersion
        self.engine = engine
        self.generatedAt = generatedAt
        self.input = input
        self.article = article
        self.claims = claims
        self.summary = nil
        self.quotations = []
        self.language = language
        self.comments = comments
        self.commentSummary = nil
        self.timings = timings
    }
}

/// The engine that made a report.
public struct EngineInfo: Sendable, Hashable, Codable {
    public var version: String
    /// Model files used, by name, with their versions.
    public var models: [String: String]
    /// The cut-offs each stage used, by stage and name.
    public var thresholds: [String: [String: Double]]

    public init(
        version: String = CrosscheckVersion.current, models: [String: String] = [:],
        thresholds: [String: [String: Double]] = [:]
    ) {
        self.version = version
        self.models = models
        self.thresholds = thresholds
    }
}

/// Where the engine's version is written.
public enum CrosscheckVersion {
    /// The engine version.
    public static let current = "0.1.0"
}

/// Facts about the input a report was made from.
public struct InputInfo: Sendable, Hashable, Codable {
    /// The file path, `-` for standard input, or the URL.
    public var name: String
    public var format: InputFormat
    public var charset: String
    public var bytes: Int
    /// SHA-256 of the input bytes, as `sha256:` and hexadecimal digits.
    public var digest: String

    public init(name: String, format: InputFormat, charset: String, bytes: Int, digest: String) {
        self.name = name
        self.format = format
        self.charset = charset
        self.bytes = bytes
        self.digest = digest
    }
}

/// The article as the report presents it: metadata, paragraphs, text, sentences and comments.
public struct ReportArticle: Sendable, Hashable, Codable {
    public var url: String?
    public var title: String?
    public var byline: String?
    public var published: String?
    public var paragraphs: [String]
    /// The paragraphs joined by two newlines; all offsets index this in Unicode scalars.
    public var text: String
    /// Sentence spans in ``text``.
    public var sentences: [TextSpan]
    public var words: Int
    public var comments: [Comment]

    public init(article: Article, sentences: [TextSpan], words: Int) {
        self.url = article.url
        self.title = article.title
        self.byline = article.byline
        self.published = article.published
        self.paragraphs = article.paragraphs
        self.text = article.text
        self.sentences = sentences
        self.words = words
        self.comments = article.comments
    }
}

/// The time one pipeline stage took.
public struct StageTiming: Sendable, Hashable, Codable {
    public var stage: String
    public var milliseconds: Double

    public init(stage: String, milliseconds: Double) {
        self.stage = stage
        self.milliseconds = milliseconds
    }
}
