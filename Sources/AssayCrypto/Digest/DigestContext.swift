internal import COpenSSL
public import Foundation

/// An incremental digest computation over OpenSSL's `EVP_MD_CTX`, in constant memory.
///
/// One hasher owns one context; it can be reused after ``finalize()`` for the next input, which is how
/// bundle workers hash many files without reallocating.
public final class DigestContext {
    /// The algorithm this hasher computes.
    public let algorithm: DigestAlgorithm
    private let md: OpaquePointer
    private let context: OpaquePointer

    /// Creates a hasher ready to take input.
    public init(_ algorithm: DigestAlgorithm) throws(CryptoError) {
        self.algorithm = algorithm
        md = try algorithm.evpMD
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.openSSL("EVP_MD_CTX_new") }
        self.context = context
        try reset()
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Starts a new computation, discarding any input given so far.
    public func reset() throws(CryptoError) {
        guard EVP_DigestInit_ex2(context, md, nil) == 1 else { throw CryptoError.openSSL("EVP_DigestInit_ex2") }
    }

    /// Adds bytes to the computation.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        // EVP_DigestUpdate fails only on a context that was never initialised, which init rules out.
        _ = EVP_DigestUpdate(context, base, buffer.count)
    }

    /// Adds bytes to the computation.
    public func update(_ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Finishes the computation, returns the digest, and readies the hasher for new input.
    public func finalize() throws(CryptoError) -> Digest {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &out, &length) == 1 else {
            throw CryptoError.openSSL("EVP_DigestFinal_ex")
        }
        try reset()
        return Digest(algorithm: algorithm, bytes: Array(out.prefix(Int(length))))
    }

    /// Finishes the computation, writes the digest's bytes to `output` (at least ``DigestAlgorithm/outputByteCount``
    /// bytes), and readies the hasher for new input; for callers that store millions of digests side by side.
    public func finalize(into output: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        var out = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length: UInt32 = 0
        let status = withUnsafeMutableBytes(of: &out) { raw in
            EVP_DigestFinal_ex(context, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
        }
        guard status == 1, Int(length) <= output.count else { throw CryptoError.openSSL("EVP_DigestFinal_ex") }
        withUnsafeBytes(of: &out) { output.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<Int(length)])) }
        try reset()
    }

    /// The digest of a byte buffer in one call.
    public static func digest(_ bytes: some ContiguousBytes, using algorithm: DigestAlgorithm = .sha256)
        throws(CryptoError) -> Digest
    {
        let hasher = try DigestContext(algorithm)
        hasher.update(bytes)
        return try hasher.finalize()
    }
}
