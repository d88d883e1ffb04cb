public import AssayCrypto
import Foundation

/// A DSSE envelope (secure-systems-lab/dsse `envelope.md`): a typed payload and signatures over its
/// pre-authentication encoding.
public struct DSSEEnvelope: Sendable, Equatable {
    /// One signature of the envelope.
    public struct Signature: Sendable, Equatable {
        /// The optional, unauthenticated key hint.
        public var keyId: String?
        /// The raw signature bytes (DER for ECDSA, raw for Ed25519).
        public var bytes: [UInt8]
    }

    /// The payload's media type, e.g. `application/vnd.in-toto+json`.
    public var payloadType: String
    /// The payload bytes as signed (base64-decoded).
    public var payload: [UInt8]
    /// The signatures, in envelope order.
    public var signatures: [Signature]

    /// Reads an envelope from its JSON object (`payloadType`, base64 `payload`, `signatures[].sig`).
    ///
    /// - Parameter place: where the envelope comes from, named in errors (a file, or a file and a JSON path).
    public init(json object: [String: Any], place: String) throws(ProvenanceError) {
        guard let type = object["payloadType"] as? String else {
            throw .malformed(place: place, field: "payloadType", reason: "missing or not a string")
        }
        guard let payloadText = object["payload"] as? String, let payload = Base64Text.decode(payloadText) else {
            throw .malformed(place: place, field: "payload", reason: "missing or not base64")
        }
        guard let list = object["signatures"] as? [[String: Any]], !list.isEmpty else {
            throw .malformed(place: place, field: "signatures", reason: "missing or empty")
        }
        var signatures: [Signature] = []
        for (index, entry) in list.enumerated() {
            guard let text = entry["sig"] as? String, let bytes = Base64Text.decode(text), !bytes.isEmpty else {
                throw .malformed(place: place, field: "signatures[\(index)].sig", reason: "missing or not base64")
            }
            signatures.append(Signature(keyId: (entry["keyid"] as? String).flatMap { $0.isEmpty ? nil : $0 },
                                        bytes: bytes))
        }
        payloadType = type
        self.payload = payload
        self.signatures = signatures
    }

    /// The pre-authentication encoding that DSSE signs:
    /// `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, with lengths as ASCII decimal byte counts.
    public static func preAuthenticationEncoding(payloadType: String, payload: [UInt8]) -> [UInt8] {
        let type = Array(payloadType.utf8)
        var bytes = Array("DSSEv1 \(type.count) ".utf8)
        bytes += type
        bytes += Array(" \(payload.count) ".utf8)
        bytes += payload
        return bytes
    }

    /// The bytes the signatures cover.
    public var signedBytes: [UInt8] { Self.preAuthenticationEncoding(payloadType: payloadType, payload: payload) }

    /// The first signature that `key` verifies, or `nil` when none does. ECDSA signatures may be DER or raw
    /// `r || s` (the DSSE specification's own test vector is raw).
    public func signature(verifiedBy key: PublicKey) throws(ProvenanceError) -> Signature? {
        let message = signedBytes
        for signature in signatures {
            do {
                if try key.verify(signature: signature.bytes, message: message) { return signature }
                if key.type != .ed25519, key.type != .rsa, let der = ECDSASignature.der(fromRaw: signature.bytes),
                    try key.verify(signature: der, message: message)
                {
                    return signature
                }
            } catch {
                throw .crypto(error)
            }
        }
        return nil
    }
}
