import Foundation

/// Platt scaling: turns a classifier's score into a calibrated probability,
/// `σ(slope × logit(score) + intercept)`, fitted by maximum likelihood on examples the classifier
/// was not trained on.
public struct PlattScaling: Sendable, Hashable, Codable {
    public var slope: Double
    public var intercept: Double
    /// What the two figures were fitted on (a split's part and its size).
    public var fittedOn: String?

    public init(slope: Double, intercept: Double, fittedOn: String? = nil) {
        self.slope = slope
        self.intercept = intercept
        self.fittedOn = fittedOn
    }

    /// The calibrated probability of the positive label for a classifier score in 0...1.
    public func probability(_ score: Double) -> Double {
        1 / (1 + exp(-(slope * Self.logit(score) + intercept)))
    }

    /// Fits slope and intercept to `scores` (0...1) and their labels by Newton's method on the
    /// log loss, with Platt's smoothed targets so that a perfectly separated set keeps finite
    /// figures. Returns the identity (slope 1, intercept 0) when either label is missing.
    public static func fit(scores: [Double], labels: [Bool], fittedOn: String? = nil) -> PlattScaling {
        let positives = Double(labels.count { $0 })
        let negatives = Double(labels.count) - positives
        guard positives > 0, negatives > 0, scores.count == labels.count else {
            return PlattScaling(slope: 1, intercept: 0, fittedOn: fittedOn)
        }
        let high = (positives + 1) / (positives + 2)
        let low = 1 / (negatives + 2)
        let inputs = scores.map(logit)
        let targets = labels.map { $0 ? high : low }
        var a = 1.0
        var b = 0.0
        for _ in 0..<100 {
            // Gradient and Hessian of the mean log loss in (a, b).
            var ga = 0.0, gb = 0.0, haa = 1e-9, hab = 0.0, hbb = 1e-9
            for (x, t) in zip(inputs, targets) {
                let p = 1 / (1 + exp(-(a * x + b)))
                let d = p - t
                let w = p * (1 - p)
                ga += d * x
                gb += d
                haa += w * x * x
                hab += w * x
                hbb += w
            }
            let determinant = haa * hbb - hab * hab
            guard determinant.magnitude > 1e-12 else { break }
            let stepA = (hbb * ga - hab * gb) / determinant
            let stepB = (haa * gb - hab * ga) / determinant
            a -= stepA
            b -= stepB
            if stepA.magnitude < 1e-9, stepB.magnitude < 1e-9 { break }
        }
        return PlattScaling(slope: a, intercept: b, fittedOn: fittedOn)
    }

    /// The log-odds of `p`, kept finite at 0 and 1.
    static func logit(_ p: Double) -> Double {
        let clipped = min(max(p, 1e-6), 1 - 1e-6)
        return log(clipped / (1 - clipped))
    }
}
