import AssayCrypto
import Foundation
import Testing

/// Keys and signatures made by the OpenSSL command line, verified by the library, and the reverse.
@Suite(.enabled(if: OpenSSLCLI.available, "openssl command line not installed"))
struct SignatureTests {
    /// `openssl genpkey` arguments for each supported key type.
    static let generators: [(SignatureKeyType, [String])] = [
        (.ed25519, ["-algorithm", "ED25519"]),
        (.ecdsaP256, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]),
        (.ecdsaP384, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"]),
        (.rsa, ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"]),
    ]
    static let message = Array("checkpoint 42: 9f86d081884c7d659a2feaa0c55ad015\n".utf8)

    /// Generates `key.pem` and `pub.pem` (and `pub.der`) of the given type.
    private func makeKey(_ cli: OpenSSLCLI, _ arguments: [String]) throws {
        #expect(try cli.run(["genpkey"] + arguments + ["-out", "key.pem"]) == 0)
        #expect(try cli.run("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem") == 0)
        #expect(try cli.run("pkey", "-in", "key.pem", "-pubout", "-outform", "DER", "-out", "pub.der") == 0)
        try cli.write("message", Self.message)
    }

    private func cliSign(_ cli: OpenSSLCLI, _ type: SignatureKeyType, digest: String = "-sha256") throws {
        let status =
            type == .ed25519
            ? try cli.run("pkeyutl", "-sign", "-rawin", "-inkey", "key.pem", "-in", "message", "-out", "sig")
            : try cli.run("dgst", digest, "-sign", "key.pem", "-out", "sig", "message")
        #expect(status == 0)
    }

    @Test(arguments: generators)
    func cliSignatureVerifies(type: SignatureKeyType, arguments: [String]) throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, arguments)
        try cliSign(cli, type)
        let key = try PublicKey(bytes: cli.read("pub.pem"))
        #expect(key.type == type)
        #expect(key.der == (try cli.read("pub.der")))
        #expect(key.fingerprint == (try DigestContext.digest(cli.read("pub.der"), using: .sha256)))
        #expect(try PublicKey(bytes: cli.read("pub.der")) == key)
        let signature = try cli.read("sig")
        #expect(try key.verify(signature: signature, message: Self.message))
        #expect(try !key.verify(signature: signature, message: Self.message + [0x0a]))
        var tampered = signature
        tampered[tampered.count / 2] ^= 0x01
        #expect(try !key.verify(signature: tampered, message: Self.message))
        #expect(try !key.verify(signature: [], message: Self.message))
    }

    @Test(arguments: generators)
    func librarySignatureVerifiesWithCLI(type: SignatureKeyType, arguments: [String]) throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, arguments)
        let key = try PrivateKey(bytes: cli.read("key.pem"))
        #expect(key.type == type)
        #expect(key.publicKey == (try PublicKey(bytes: cli.read("pub.pem"))))
        let signature = try key.sign(message: Self.message)
        #expect(try key.publicKey.verify(signature: signature, message: Self.message))
        try cli.write("sig", signature)
        let status =
            type == .ed25519
            ? try cli.run(
                "pkeyutl", "-verify", "-rawin", "-pubin", "-inkey", "pub.pem", "-in", "message", "-sigfile", "sig")
            : try cli.run("dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig", "message")
        #expect(status == 0)
    }

    @Test func oneKeyVerifiesFromManyTasks() async throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"])
        let privateKey = try PrivateKey(bytes: cli.read("key.pem"))
        let signature = try privateKey.sign(message: Self.message)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try privateKey.publicKey.verify(signature: signature, message: Self.message) }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func p384AcceptsSHA384() throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"])
        try cliSign(cli, .ecdsaP384, digest: "-sha384")
        #expect(try PublicKey(bytes: cli.read("pub.pem")).verify(signature: cli.read("sig"), message: Self.message))
    }

    @Test func traditionalECPrivateKeyLoads() throws {
        let cli = try OpenSSLCLI()
        #expect(try cli.run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem") == 0)
        #expect(try PrivateKey(bytes: cli.read("key.pem")).type == .ecdsaP256)
    }

    @Test(arguments: [
        (["-algorithm", "X25519"], "X25519"),
        (["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"], "EC secp521r1"),
    ])
    func unsupportedKeyTypesAreNamed(arguments: [String], name: String) throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, arguments)
        #expect(throws: CryptoError.unsupportedKey(name)) { try PublicKey(bytes: cli.read("pub.pem")) }
        #expect(throws: CryptoError.unsupportedKey(name)) { try PrivateKey(bytes: cli.read("key.pem")) }
    }

    @Test func wrongKindOfKeyIsAClearError() throws {
        let cli = try OpenSSLCLI()
        try makeKey(cli, ["-algorithm", "ED25519"])
        #expect(throws: CryptoError.malformedKey("expected a public key, found a private key")) {
            try PublicKey(bytes: cli.read("key.pem"))
        }
        #expect(throws: CryptoError.malformedKey("expected a private key, found a public key")) {
            try PrivateKey(bytes: cli.read("pub.pem"))
        }
        #expect(throws: CryptoError.malformedKey("the data is not a DER SubjectPublicKeyInfo")) {
            try PublicKey(bytes: Array("garbage".utf8))
        }
    }
}
