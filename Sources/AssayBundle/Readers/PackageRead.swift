/// A package read as a bundle: the manifest of its payload (with the package's metadata) and, when the package
/// carries one, its own checksums list.
struct PackageRead {
    /// The payload's manifest; ``Manifest/package`` holds the metadata.
    let manifest: Manifest
    /// The package's own checksums list: a `.deb`'s `md5sums`.
    let checksums: OwnChecksums?

    /// Reads the package at `path`, whose format ``PackageDetection`` found.
    static func read(at path: String, format: PackageMetadata.Format, options: ReadOptions) throws(BundleError)
        -> PackageRead
    {
        switch format {
        case .deb, .ipk: try PackageReader(path: path, format: format, options: options).read()
        case .rpm: try RPMReader(path: path, options: options).read()
        }
    }
}

/// A checksums list a package carries about its own payload, as it is stored.
struct OwnChecksums {
    /// Where it was found: `control.tar.xz/md5sums`.
    let file: String
    /// Its bytes: coreutils lines, MD5, paths without a leading slash.
    let bytes: [UInt8]
}
