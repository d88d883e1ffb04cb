import AssayCore
import Foundation

/// Runs GnuPG's `gpgv`, the signature-only verifier, with a throw-away home folder and only the given keyring.
enum GPGV {
    /// `gpgv` on the `PATH`, or `nil` when it is not installed.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/gpgv" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs `gpgv --status-fd 1 --keyring KEYRING FILE…` over temporary copies of `files` and returns its status
    /// lines without the `[GNUPG:]` prefix, split into words.
    static func run(_ gpgv: String, keyring: String, files: [[UInt8]], place: String) throws(ProvenanceError)
        -> [[Substring]]
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assay-gpgv-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output: [UInt8]
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            var paths: [String] = []
            for (index, bytes) in files.enumerated() {
                let path = folder.appendingPathComponent("input\(index)").path
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
            let ring = try keyringFile(keyring, in: folder.path)
            output = try Subprocess.run(
                [gpgv, "--homedir", folder.path, "--status-fd", "1", "--keyring", ring] + paths,
                environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], output: .capture
            ).output
        } catch let error as SubprocessError {
            throw .cannotVerify(place: place, reason: "cannot run gpgv: \(error.reason)")
        } catch {
            throw .cannotVerify(place: place, reason: "cannot run gpgv: \(error.localizedDescription)")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("[GNUPG:] ") ? line.dropFirst(9).split(separator: " ") : nil
        }
    }

    /// The keyring as `gpgv` reads it: the file itself (absolute), or for an ASCII-armoured key block (`gpg --export
    /// --armor`, which `gpgv` 2.2 does not read) its binary form written into `folder`.
    private static func keyringFile(_ keyring: String, in folder: String) throws -> String {
        let absolute = URL(fileURLWithPath: keyring).standardizedFileURL.path
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: absolute)), as: UTF8.self)
        guard text.hasPrefix("-----BEGIN PGP PUBLIC KEY BLOCK-----") else { return absolute }
        // RFC 4880 §6.2: armour headers up to a blank line, base64 lines, an optional "=CRC" line, the END line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let blank = lines.firstIndex(of: ""),
            let end = lines.firstIndex(where: { $0.hasPrefix("-----END PGP PUBLIC KEY BLOCK-----") }), blank < end,
            let binary = Data(base64Encoded: lines[(blank + 1)..<end].filter { !$0.hasPrefix("=") }.joined())
        else { throw CocoaError(.fileReadCorruptFile) }
        let path = folder + "/keyring.gpg"
        try binary.write(to: URL(fileURLWithPath: path))
        return path
    }
}
