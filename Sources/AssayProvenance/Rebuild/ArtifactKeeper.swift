import AssayBundle
import AssayCrypto
import Foundation

/// Hashes an artefact a build produced (SHA-256, OpenSSL) while copying it out of the build folder, so that the
/// store can take it after the folder is gone. The artefact is reached without following links: a build that
/// leaves a symlink where an artefact should be has not produced it.
struct ArtifactKeeper {
    /// The build folder the artefact paths are relative to.
    let build: String
    /// Where copies go, at the same relative paths.
    let kept: String
    /// The attempt's log, which notes each artefact that is missing and why.
    let log: String

    /// The artefact at `path`: its copy, size and digest, or all `nil` when the build did not produce it.
    func keep(_ path: String) throws(ProvenanceError) -> RebuildOutcome.BuiltArtifact {
        let input: Int32
        do {
            input = try ContainedFile.open(path, in: build)
        } catch {
            Scratch.note("artefact '\(path)' was not produced: \(error.description)", in: log)
            return RebuildOutcome.BuiltArtifact(path: path, keptAt: nil, size: nil, sha256: nil)
        }
        defer { close(input) }
        let relative = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        let copy = kept + "/" + relative
        try Scratch.makeFolders([(copy as NSString).deletingLastPathComponent])
        let output = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .cannotRun(place: copy, reason: String(cString: strerror(errno))) }
        defer { close(output) }
        do {
            let hasher = try DigestContext(.sha256)
            let size = try Self.copy(from: input, to: output, hashing: hasher, place: copy)
            return RebuildOutcome.BuiltArtifact(path: path, keptAt: copy, size: size, sha256: try hasher.finalize().hex)
        } catch {
            throw .crypto(error)
        }
    }

    private static func copy(
        from input: Int32, to output: Int32, hashing hasher: DigestContext, place: String
    ) throws(CryptoError) -> UInt64 {
        var total: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: DigestContext.readSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .io(path: place, reason: String(cString: strerror(errno))) }
            if count == 0 { return total }
            hasher.update(buffer[..<count])
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw .io(path: place, reason: String(cString: strerror(errno))) }
                offset += written
            }
            total += UInt64(count)
        }
    }
}
