import AssayCrypto
import Foundation
import Synchronization

extension Verifier {
    /// Reads the manifest file at `manifestPath` (as ``ManifestCodec/read(contentsOf:format:algorithm:)`` does, with
    /// `algorithm` the one asked for, if any), then verifies the bundle at `path` against it: the same report, and the
    /// same error, as reading the manifest and then calling ``verify(bundleAt:as:against:options:)``.
    ///
    /// An Assay JSON manifest names its algorithm before its entries, so its entries are read on a second thread
    /// while the bundle is read and hashed on this one: a manifest of a million entries costs little more than the
    /// hashing it is checked against. A manifest that fails to read is reported before anything the bundle read
    /// found, as when the two are read one after the other.
    public static func verify(
        bundleAt path: String,
        as kind: BundleReader.Kind = .auto,
        againstManifestAt manifestPath: String,
        algorithm requested: DigestAlgorithm? = nil,
        options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> VerificationReport {
        guard let early = JSONManifestReader.leadingAlgorithm(path: manifestPath), (requested ?? early) == early else {
            let expected = try ManifestCodec.read(contentsOf: manifestPath, algorithm: requested)
            return try verify(bundleAt: path, as: kind, against: expected, options: options)
        }
        let manifest = ManifestReadThread(path: manifestPath, algorithm: requested)
        var options = options
        options.algorithm = early
        let bundle: Result<Manifest, BundleError>
        do throws(BundleError) {
            bundle = .success(try BundleReader.read(at: path, as: kind, options: options))
        } catch {
            bundle = .failure(error)
        }
        let expected = try manifest.wait()
        guard expected.algorithm == early,
            !(expected.source == ManifestFormat.bagit.rawValue && BagVerifier.isBag(at: path))
        else {
            // Read in another algorithm, or a bag's payload listing: read again the way the expected manifest says.
            return try verify(bundleAt: path, as: kind, against: expected, options: options)
        }
        return try verify(try bundle.get(), readFrom: path, as: kind, against: expected, options: options)
    }
}

/// A manifest file read on its own thread (not the shared dispatch pool, which the hashing workers of a directory
/// read use).
private final class ManifestReadThread: Sendable {
    private let outcome = Mutex<Result<Manifest, BundleError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading the manifest at `path` in the `algorithm` asked for, if any.
    init(path: String, algorithm: DigestAlgorithm?) {
        let thread = Thread { [self] in
            let result: Result<Manifest, BundleError>
            do throws(BundleError) {
                result = .success(try ManifestCodec.read(contentsOf: path, algorithm: algorithm))
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        thread.name = "assay-manifest-read"
        thread.start()
    }

    /// Waits for the manifest; throws what reading it threw.
    func wait() throws(BundleError) -> Manifest {
        done.wait()
        let result = outcome.withLock { $0 }
        switch result {
        case .success(let manifest)?: return manifest
        case .failure(let error)?: throw error
        case nil: throw BundleError.unreadable(path: "manifest", reason: "the manifest reader stopped early")
        }
    }
}
