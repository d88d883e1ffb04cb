/// What a package says about itself, reported beside its payload and never mixed into the bundle digest: two builds
/// with the same installed files have the same digest whatever their control data, mtimes, owners or compression.
public struct PackageMetadata: Codable, Equatable, Sendable {
    /// The kind of package, detected from content.
    public enum Format: String, Codable, Sendable {
        /// A Debian binary package: an ar archive of `debian-binary`, `control.tar.*`, `data.tar.*`.
        case deb
        /// An opkg package: the same members in an ar archive or in a gzip-compressed tar.
        case ipk
        /// An RPM package: lead, signature and header, then a compressed cpio payload.
        case rpm
    }

    /// The kind of package.
    public var format: Format
    /// `Package` (deb, ipk) or the rpm header's name.
    public var name: String?
    /// `Version` (deb, ipk: with the Debian revision) or the rpm header's version, with `epoch:` when it has one.
    public var version: String?
    /// The rpm header's release (Debian packages carry their revision inside ``version``).
    public var release: String?
    /// `Architecture` (deb, ipk) or the rpm header's arch.
    public var architecture: String?
    /// The members of the package file, in order (`debian-binary`, `control.tar.xz`, `data.tar.xz`); for an rpm
    /// the parts read (`header`, `payload`).
    public var members: [String]
    /// The files of the control member, in order (`control`, `md5sums`, `postinst`…); empty for an rpm.
    public var controlFiles: [String]
    /// What the payload was read from: a member (`data.tar.xz`) or, for an rpm, its payload (`cpio.xz`).
    public var payload: String

    /// Creates package metadata.
    public init(
        format: Format, name: String? = nil, version: String? = nil, release: String? = nil,
        architecture: String? = nil, members: [String], controlFiles: [String] = [], payload: String
    ) {
        self.format = format
        self.name = name
        self.version = version
        self.release = release
        self.architecture = architecture
        self.members = members
        self.controlFiles = controlFiles
        self.payload = payload
    }

    /// One line for people: `hello 2.10-3 amd64 (deb; payload data.tar.xz; control: control, md5sums)`.
    public var summary: String {
        let label = [
            name ?? "(unnamed)", [version, release].compactMap { $0 }.joined(separator: "-"), architecture ?? "",
        ]
        .filter { !$0.isEmpty }.joined(separator: " ")
        let control = controlFiles.isEmpty ? "" : "; control: \(controlFiles.joined(separator: ", "))"
        return "\(label) (\(format.rawValue); payload \(payload)\(control))"
    }
}
