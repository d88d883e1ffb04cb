import AssayCrypto

/// A Sigstore bundle (sigstore/protobuf-specs `sigstore_bundle.proto`), media types v0.1 to v0.3: the signed
/// content, the material to verify it, transparency-log entries and RFC 3161 timestamps.
struct SigstoreBundle {
    /// The bundle format version.
    enum Version: String, Comparable {
        case v01 = "0.1", v02 = "0.2", v03 = "0.3"

        static func < (lhs: Version, rhs: Version) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The version a media type names; `nil` for a media type that is not a Sigstore bundle's.
        static func of(mediaType: String) -> Version?? {
            let legacy = "application/vnd.dev.sigstore.bundle+json;version="
            if mediaType.hasPrefix(legacy) { return .some(Version(rawValue: String(mediaType.dropFirst(legacy.count)))) }
            let modern = /application\/vnd\.dev\.sigstore\.bundle\.v(.+)\+json/
            if let match = mediaType.wholeMatch(of: modern) { return .some(Version(rawValue: String(match.1))) }
            return nil
        }
    }

    /// What verifies the signature.
    enum Material {
        /// A public key known to the verifier by a hint.
        case publicKey(hint: String?)
        /// A signing certificate, with any intermediates the bundle carries (v0.1 and v0.2 chains).
        case certificate(leaf: Certificate, intermediates: [Certificate])
    }

    /// What is signed.
    enum Content {
        /// A signature over the artefact, with the digest the bundle states (an unauthenticated hint).
        case messageSignature(signature: [UInt8], digest: [UInt8]?, algorithm: String?)
        case envelope(DSSEEnvelope)

        /// The signature bytes that logs record and timestamps cover.
        var signature: [UInt8] {
            switch self {
            case .messageSignature(let signature, _, _): signature
            case .envelope(let envelope): envelope.signatures.first?.bytes ?? []
            }
        }
    }

    let version: Version
    let material: Material
    let content: Content
    let entries: [TransparencyLogEntry]
    let timestamps: [[UInt8]]

    /// Reads a bundle; `mediaType` must name a known version.
    init(_ fields: JSONFields) throws(ProvenanceError) {
        let mediaType = try fields.string("mediaType")
        guard let known = Version.of(mediaType: mediaType) else {
            throw .unsupported(place: fields.place, what: "media type \(mediaType)")
        }
        guard let version = known else {
            throw .unsupported(place: fields.place, what: "Sigstore bundle version in media type \(mediaType)")
        }
        self.version = version
        let material = try fields.object("verificationMaterial")
        self.material = try Self.material(material)
        entries = try material.objects("tlogEntries", TransparencyLogEntry.init)
        guard !entries.isEmpty else { throw material.malformed("tlogEntries", "missing: no transparency-log entry") }
        timestamps = try material.optionalObject("timestampVerificationData")?.objects("rfc3161Timestamps") {
            (timestamp) throws(ProvenanceError) in try timestamp.bytes("signedTimestamp")
        } ?? []
        if let signature = try fields.optionalObject("messageSignature") {
            let digest = try signature.optionalObject("messageDigest")
            content = .messageSignature(
                signature: try signature.bytes("signature"), digest: try digest?.optionalBytes("digest"),
                algorithm: try digest?.optionalString("algorithm"))
        } else if let envelope = try fields.optionalObject("dsseEnvelope") {
            let parsed = try DSSEEnvelope(json: envelope.object, place: "\(fields.place): dsseEnvelope")
            guard parsed.signatures.count == 1 else {
                throw envelope.malformed("signatures", "a Sigstore bundle's envelope has exactly one signature")
            }
            content = .envelope(parsed)
        } else {
            throw fields.malformed("messageSignature", "missing: neither messageSignature nor dsseEnvelope")
        }
    }

    private static func material(_ fields: JSONFields) throws(ProvenanceError) -> Material {
        if let key = try fields.optionalObject("publicKey") { return .publicKey(hint: try key.optionalString("hint")) }
        var list: [JSONFields]
        if let single = try fields.optionalObject("certificate") {
            list = [single]
        } else if let chain = try fields.optionalObject("x509CertificateChain") {
            list = try chain.objects("certificates")
            guard !list.isEmpty else { throw chain.malformed("certificates", "empty certificate chain") }
        } else {
            throw fields.malformed("publicKey", "missing: no public key, certificate or certificate chain")
        }
        var certificates: [Certificate] = []
        for entry in list {
            let raw = try entry.bytes("rawBytes")
            do {
                certificates.append(try Certificate(der: raw))
            } catch {
                throw entry.malformed("rawBytes", "not an X.509 certificate: \(error)")
            }
            if let last = certificates.last, last.isSelfIssued {
                throw entry.malformed("rawBytes", "a root (self-signed) certificate inside the bundle is refused")
            }
        }
        return .certificate(leaf: certificates[0], intermediates: Array(certificates.dropFirst()))
    }
}
