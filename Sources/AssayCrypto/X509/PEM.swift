import Foundation

/// One `-----BEGIN label-----` … `-----END label-----` block of a PEM file.
struct PEMBlock: Sendable {
    /// The label between `BEGIN ` and the closing dashes, such as `CERTIFICATE`.
    let label: String
    /// The decoded body; `nil` when the base64 body does not decode.
    let der: [UInt8]?

    /// What the label says the block holds.
    var kind: CryptoObjectKind { CryptoObjectKind(pemLabel: label) }
}

/// A tolerant PEM scanner: text around blocks and RFC 1421 headers inside them are skipped.
enum PEM {
    private static let beginMarker = Array("-----BEGIN ".utf8)

    /// Whether the bytes contain a PEM `BEGIN` line anywhere.
    static func containsBlock(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= beginMarker.count else { return false }
        let first = beginMarker[0]
        var index = 0
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: beginMarker) { return true }
            index = found + 1
            if index >= bytes.count { break }
        }
        return false
    }

    /// Every block in the text, in order.
    ///
    /// - Throws: ``CryptoError/malformedPEM(label:reason:)`` when a block has no matching `END` line.
    static func blocks(in bytes: [UInt8]) throws(CryptoError) -> [PEMBlock] {
        let text = String(decoding: bytes, as: UTF8.self)
        var blocks: [PEMBlock] = []
        var open: (label: String, body: [Substring])?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if var current = open {
                if line.hasPrefix("-----END ") {
                    guard line == "-----END \(current.label)-----" else {
                        throw CryptoError.malformedPEM(label: current.label, reason: "ends with '\(line)'")
                    }
                    blocks.append(PEMBlock(label: current.label, der: decode(current.body)))
                    open = nil
                    continue
                }
                // RFC 1421 headers (`Proc-Type: …`) hold a colon, which base64 never does.
                if !line.isEmpty && !line.contains(":") { current.body.append(Substring(line)) }
                open = current
            } else if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 {
                let label = String(line.dropFirst(11).dropLast(5))
                open = (label, [])
            }
        }
        if let current = open {
            throw CryptoError.malformedPEM(label: current.label, reason: "no END line (truncated file?)")
        }
        return blocks
    }

    private static func decode(_ lines: [Substring]) -> [UInt8]? {
        guard !lines.isEmpty, let data = Data(base64Encoded: lines.joined()) else { return nil }
        return [UInt8](data)
    }
}
