import ArgumentParser
import AssayCore

/// `--scheme` (the catalogue only, typos refused with a suggestion) and `--custom-scheme` (any other name), for
/// the commands that take a certification scheme.
struct SchemeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The scheme: iso27001, cc, eucc, fips140-2, fips140-3, soc2, csa-star, nesas or x509 (a name outside "
                + "this list is refused as a typo; see --custom-scheme).",
            valueName: "scheme"),
        completion: .schemes)
    var scheme: String?

    @Option(
        help: ArgumentHelp("A scheme outside the catalogue, by its name (TISAX, Cyber Essentials).", valueName: "name"))
    var customScheme: String?

    func validate() throws {
        if scheme != nil && customScheme != nil {
            throw ValidationError("--scheme and --custom-scheme name the same thing: give one of them")
        }
    }

    /// The scheme given, if any.
    func parsed() throws -> CertificationScheme? {
        if let customScheme {
            return try convert("--custom-scheme", customScheme, CertificationScheme.init(custom:))
        }
        guard let scheme else { return nil }
        do {
            return try CertificationScheme(parsing: scheme)
        } catch .unknownScheme(let text) {
            throw CommandFailure(
                message: "--scheme: \(ValueError.unknownScheme(text).description); for a scheme outside the "
                    + "catalogue give --custom-scheme '\(text)'")
        } catch {
            throw CommandFailure(message: "--scheme: \(error.description)")
        }
    }
}
