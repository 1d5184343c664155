public import ArgumentParser
public import CrosscheckKit

extension InputFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension SourceRecord.Kind: ExpressibleByArgument {}
