import AssayCrypto

/// A public key of an in-toto v0.9 layout (`keys` map, securesystemslib key format), as OpenSSL can use it.
///
/// Readable: `ed25519` (hex raw key), `ecdsa`/`ecdsa-sha2-nistp256`/`…384` and `rsa` with scheme
/// `rsa-pkcs1v15-sha256` (PEM), and OpenPGP RSA keys (`method` `pgp+rsa-pkcsv1.5`, hex `n` and `e`) with their
/// subkeys, whose signatures use SHA-256. Others (RSASSA-PSS, OpenPGP DSA or EdDSA) are known by id but not usable:
/// their signatures are reported unverified, with the reason.
struct InTotoKey: Sendable {
    /// The key id, lowercase.
    var keyId: String
    /// The key OpenSSL verifies with, or why there is none.
    var key: Result<PublicKey, Unusable>
    /// Whether signatures by this key are OpenPGP signatures (with `other_headers`).
    var openPGP: Bool
    /// OpenPGP subkeys, which sign on the key's behalf.
    var subkeys: [InTotoKey]
    /// The RSA modulus length in bytes of an OpenPGP RSA key, to which its signatures (MPIs) are padded.
    var modulusLength = 0

    /// Why a key cannot be used here.
    struct Unusable: Error, Sendable { var reason: String }

    /// Reads one key object; keys Assay cannot use are kept with the reason.
    init(keyId: String, json: JSONValue) {
        self.keyId = keyId.lowercased()
        let type = json["keytype"]?.string ?? json["type"]?.string ?? ""
        let scheme = json["scheme"]?.string ?? ""
        let method = json["method"]?.string
        openPGP = method != nil
        subkeys = (json["subkeys"]?.object ?? [:]).map { InTotoKey(keyId: $0.key, json: $0.value) }
        let publicValue = json["keyval"]?["public"]
        modulusLength = publicValue?["n"]?.string.flatMap(Hex.decode).map { $0.drop { $0 == 0 }.count } ?? 0
        key = Self.publicKey(type: type, scheme: scheme, method: method, value: publicValue)
    }

    private static func publicKey(type: String, scheme: String, method: String?, value: JSONValue?)
        -> Result<PublicKey, Unusable>
    {
        do throws(CryptoError) {
            if let method {
                guard method == "pgp+rsa-pkcsv1.5", let n = value?["n"]?.string.flatMap(Hex.decode),
                    let e = value?["e"]?.string.flatMap(Hex.decode)
                else { return .failure(Unusable(reason: "OpenPGP key method \(method) is not supported")) }
                return .success(try PublicKey(bytes: KeyDER.rsa(modulus: n, exponent: e)))
            }
            switch type {
            case "ed25519":
                guard let raw = value?.string.flatMap(Hex.decode), raw.count == 32 else {
                    return .failure(Unusable(reason: "ed25519 public key is not 32 bytes of hex"))
                }
                return .success(try PublicKey(bytes: KeyDER.ed25519Prefix + raw))
            case "rsa" where scheme == "rsassa-pss-sha256":
                return .failure(Unusable(reason: "RSASSA-PSS signatures are not supported"))
            case "rsa", "ecdsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384":
                guard let pem = value?.string else { return .failure(Unusable(reason: "public key is not PEM text")) }
                return .success(try PublicKey(bytes: Array(pem.utf8)))
            default:
                return .failure(Unusable(reason: "key type '\(type)' is not supported"))
            }
        } catch {
            return .failure(Unusable(reason: error.description))
        }
    }

    /// This key or the subkey with that id.
    func signing(_ keyId: String) -> InTotoKey? {
        keyId == self.keyId ? self : subkeys.first { $0.keyId == keyId }
    }

    /// Checks one signature over `canonical`: `true` valid, `false` invalid; throws ``Unusable`` when this key cannot
    /// check it.
    func verify(_ signature: InTotoSignature, canonical: [UInt8]) throws(Unusable) -> Bool {
        let publicKey: PublicKey
        switch key {
        case .success(let value): publicKey = value
        case .failure(let unusable): throw unusable
        }
        var bytes = signature.bytes
        if openPGP {
            // RFC 4880 §5.2.2: hash algorithm at offset 3 of the hashed header; 8 is SHA-256.
            guard let headers = signature.otherHeaders, headers.count > 3, headers[0] == 4 else {
                throw Unusable(reason: "OpenPGP signature without a version 4 header")
            }
            guard headers[3] == 8 else { throw Unusable(reason: "OpenPGP hash algorithm \(headers[3]) is not SHA-256") }
            // The signature is an MPI: leading zero bytes are dropped, RSA wants the modulus length.
            if bytes.count < modulusLength { bytes = [UInt8](repeating: 0, count: modulusLength - bytes.count) + bytes }
        }
        do {
            return try publicKey.verify(signature: bytes, message: signature.signedBytes(canonical))
        } catch {
            throw Unusable(reason: error.description)
        }
    }
}
