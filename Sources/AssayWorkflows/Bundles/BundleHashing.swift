public import AssayBundle

/// `bundle hash`: reads a bundle into its manifest and, when asked, writes the manifest to a file atomically.
public enum BundleHashing {
    /// Reads the bundle at `path` (of `kind`) with `options`; when `file` is given, writes the manifest there in
    /// `format`, through a temporary file renamed into place, so a failed run never leaves half a manifest.
    /// Returns the manifest, for the caller to print (with ``write(_:as:to:)``) or summarise.
    public static func hash(
        _ path: String, as kind: BundleReader.Kind, options: ReadOptions, writingTo file: String? = nil,
        format: ManifestFormat = .assay
    ) throws -> Manifest {
        let manifest = try BundleReader.read(at: path, as: kind, options: options)
        if let file {
            try AtomicFile.write(to: file) { sink in try write(manifest, as: format, to: sink) }
        }
        return manifest
    }

    /// Writes `manifest` in `format` to `sink`, piece by piece: Assay's own JSON pretty-printed, the line formats as
    /// their tools write them.
    public static func write(_ manifest: Manifest, as format: ManifestFormat, to sink: ([UInt8]) throws -> Void)
        throws
    {
        try ManifestCodec.write(manifest, as: format, pretty: format == .assay, to: sink)
    }
}
