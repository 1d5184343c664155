import ArgumentParser
import CrosscheckKit
import Foundation

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine's speed on generated data (build with -c release for real figures).",
        subcommands: [
            BenchIngest.self, BenchCheckworthiness.self, BenchStore.self, BenchComments.self, BenchLanguage.self, BenchVerify.self, BenchEncoder.self,
            BenchSpeech.self,
        ]
    )
}
