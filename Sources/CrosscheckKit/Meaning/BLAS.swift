import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// OpenBLAS's single-precision matrix product, loaded when first needed.
///
/// The library is opened at run time rather than linked, for two reasons: its kernel is chosen
/// when it loads, and on processors newer than the library (as on some virtual machines) it falls
/// back to a kernel several times slower unless `OPENBLAS_CORETYPE` names one — so that is set
/// from the processor's features first, unless the user set it; and a machine without OpenBLAS
/// still builds and runs, comparing texts by words.
enum BLAS {
    typealias SGEMM =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float,
            UnsafeMutablePointer<Float>?, Int32
        ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    static let rowMajor: Int32 = 101
    static let noTranspose: Int32 = 111
    static let transpose: Int32 = 112

    struct Library: @unchecked Sendable {
        let sgemm: SGEMM
        /// The kernel OpenBLAS chose, when it says.
        let core: String?
    }

    static let loaded: Result<Library, CrosscheckError> = load()

    /// The library, or an error that says how to install it.
    static func library() throws -> Library { try loaded.get() }

    static func load() -> Result<Library, CrosscheckError> {
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil, let core = preferredCore() {
            setenv("OPENBLAS_CORETYPE", core, 0)
        }
        var handle: UnsafeMutableRawPointer?
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"] {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
        }
        guard let handle, let sgemm = dlsym(handle, "cblas_sgemm") else {
            return .failure(
                CrosscheckError(
                    .modelMissing, "the sentence encoder needs OpenBLAS; install it (Debian: apt-get install libopenblas0)"))
        }
        if let setThreads = dlsym(handle, "openblas_set_num_threads") {
            unsafeBitCast(setThreads, to: SetThreads.self)(1)
        }
        var core: String?
        if let name = dlsym(handle, "openblas_get_corename") {
            typealias CoreName = @convention(c) () -> UnsafePointer<CChar>?
            core = unsafeBitCast(name, to: CoreName.self)().map { String(cString: $0) }
        }
        return .success(Library(sgemm: unsafeBitCast(sgemm, to: SGEMM.self), core: core))
    }

    /// The OpenBLAS kernel family this processor supports, from the flags Linux reports.
    static func preferredCore() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// `c[m][n] = alpha · a · b + beta · c`, row-major, with `a` and `b` optionally transposed.
    @inline(__always)
    static func sgemm(
        _ library: Library, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        library.sgemm(
            rowMajor, transposeA ? transpose : noTranspose, transposeB ? transpose : noTranspose, Int32(m), Int32(n), Int32(k), alpha,
            a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
