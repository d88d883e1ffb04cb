import Foundation

/// Base64 as provenance formats write it: the standard alphabet with padding (RFC 4648 §4), or the URL-safe
/// alphabet with or without padding, which DSSE allows. Line breaks (`base64` wraps at 76 columns) are ignored, as
/// Go's and Python's decoders ignore them; any other character outside the alphabet makes the text not base64.
public enum Base64Text {
    /// The decoded bytes, or `nil` for text that is not base64.
    public static func decode(_ text: String) -> [UInt8]? {
        let text = text.contains(where: \.isNewline) ? text.filter { !$0.isNewline } : text
        if let data = Data(base64Encoded: text) { return [UInt8](data) }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        guard remainder != 1 else { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}
