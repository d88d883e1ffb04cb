import AssayStore
import Mustache

/// Renders an audit report as one self-contained HTML page with swift-mustache, escaping every value with the
/// dossier's ``HTMLRenderer/escape(_:)``.
public enum AuditHTMLRenderer {
    /// The report as HTML; `snapshot` supplies the charts' data.
    public static func render(_ report: AuditReport, snapshot: AuditSnapshot) throws(AuditError) -> String {
        try template().render(AuditHTMLPage(report: report, snapshot: snapshot))
    }

    private static func template() throws(AuditError) -> MustacheTemplate {
        switch compiled {
        case .success(let template): return template
        case .failure(let error): throw error
        }
    }

    private static let compiled: Result<MustacheTemplate, AuditError> = {
        MustacheContentTypes.register(EscapedHTML(), named: "ASSAY_HTML")
        do {
            return .success(try MustacheTemplate(string: AuditHTMLTemplate.text))
        } catch {
            return .failure(.template(String(describing: error)))
        }
    }()
}

/// Mustache's content type for the report: the dossier's HTML escaping, so both escape the same way.
private struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLRenderer.escape(text) }
}
