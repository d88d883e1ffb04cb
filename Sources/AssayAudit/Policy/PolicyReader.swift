import AssayCore
import Foundation
import Yams

/// Reads a YAML policy, refusing anything unexpected with the file, line, key path and reason.
public enum PolicyReader {
    /// Reads and checks a policy file.
    public static func read(file path: String) throws(AuditError) -> AuditPolicy {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "not readable UTF-8 text")
        }
        return try read(text, file: path)
    }

    /// Reads and checks policy text; `file` names it in errors.
    public static func read(_ text: String, file: String) throws(AuditError) -> AuditPolicy {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw .policy(file: file, line: nil, field: nil, reason: String(describing: error))
        }
        guard let root else { throw .policy(file: file, line: 1, field: nil, reason: "the policy is empty") }
        return try PolicyNode(node: root, path: "", file: file).policy()
    }

    private static func syntaxError(_ error: YamlError, file: String) -> AuditError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            .policy(file: file, line: mark.line, field: nil, reason: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            .policy(
                file: file, line: context.mark.line, field: nil,
                reason: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            .policy(file: file, line: nil, field: nil, reason: "not valid YAML: \(error)")
        }
    }
}

/// A YAML node with its key path, for reading typed values with precise errors.
struct PolicyNode {
    let node: Node
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func fail(_ reason: String) -> AuditError {
        .policy(file: file, line: line, field: path.isEmpty ? nil : path, reason: reason)
    }

    /// The mapping's values by key, refusing keys outside `allowed` and missing `required` ones.
    func fields(allowed: [String], required: [String]) throws(AuditError) -> [String: PolicyNode] {
        guard case .mapping(let mapping) = node else { throw fail("expected a mapping of keys to values") }
        var result: [String: PolicyNode] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            let child = PolicyNode(node: value, path: path.isEmpty ? name : path + "." + name, file: file)
            guard allowed.contains(name) else {
                let guess = SpellingSuggestion.closest(to: name, among: allowed).map { ", did you mean '\($0)'?" }
                throw PolicyNode(node: key, path: child.path, file: file).fail(
                    "unknown key\(guess ?? "") (expected one of: \(allowed.joined(separator: ", ")))")
            }
            result[name] = child
        }
        if let missing = required.first(where: { result[$0] == nil }) {
            throw fail("missing key '\(missing)'")
        }
        return result
    }

    func items() throws(AuditError) -> [PolicyNode] {
        guard case .sequence(let sequence) = node else { throw fail("expected a list") }
        return sequence.enumerated().map { PolicyNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    func text() throws(AuditError) -> String {
        guard case .scalar(let scalar) = node else { throw fail("expected a single value") }
        return scalar.string
    }

    func days() throws(AuditError) -> Int {
        guard let value = Int(try text()), value >= 0, value <= 36_500 else {
            throw fail("expected a whole number of days from 0 to 36500, not '\((try? text()) ?? "")'")
        }
        return value
    }

    /// A value parsed by one of the domain types' parsers.
    func value<T>(_ parse: (String) throws(ValueError) -> T) throws(AuditError) -> T {
        let text = try text()
        do {
            return try parse(text)
        } catch {
            throw fail(error.description)
        }
    }
}
