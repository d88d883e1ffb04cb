/// A Common Criteria assurance level as the portal writes it: `EAL4+,ALC_FLR.2`, `EAL2`, or `None`.
public struct AssuranceLevel: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The evaluation assurance level (1–7), `nil` when the evaluation claims only a protection profile.
    public let eal: Int?
    /// Whether the level is augmented (`EAL4+`).
    public let isAugmented: Bool
    /// The augmenting assurance components (`ALC_FLR.2`, `AVA_VAN.5`).
    public let augmentations: [String]

    /// Parses the portal's "Assurance Level" field; `nil` for `None` or an empty field.
    public init?(portalText text: String) {
        let parts = text.split(separator: ",").map { String($0.trimmingASCIISpaces) }.filter { !$0.isEmpty }
        guard let first = parts.first, first.lowercased() != "none" else { return nil }
        let upper = first.uppercased()
        if upper.hasPrefix("EAL"), let level = Int(upper.dropFirst(3).prefix { $0.isNumber }) {
            eal = level
            isAugmented = upper.hasSuffix("+") || parts.count > 1
            augmentations = Array(parts.dropFirst())
        } else {
            eal = nil
            isAugmented = false
            augmentations = parts
        }
    }

    public var description: String {
        let base = eal.map { "EAL\($0)\(isAugmented ? "+" : "")" }
        return ([base].compactMap { $0 } + augmentations).joined(separator: ",")
    }
}
