/// The HTML report's Mustache template: one self-contained page, inline CSS and SVG, a print stylesheet.
/// Every `{{value}}` is escaped by ``HTMLRenderer/escape(_:)`` (the `ASSAY_HTML` content type); the findings by
/// vendor, one table row per finding, come written and escaped by ``AuditHTMLPage/vendorSections``.
enum AuditHTMLTemplate {
    static let text = """
        {{% CONTENT_TYPE: ASSAY_HTML}}<!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;line-height:1.4;color:#222}
        h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.facts dt{font-weight:bold}
        dl.facts dd{margin:0;overflow-wrap:anywhere}
        .tiles{display:flex;gap:.8em;flex-wrap:wrap}
        .tile{border-radius:6px;padding:.6em 1em;min-width:7em;border:1px solid #ccc}
        .tile .count{font-size:2em;font-weight:bold;display:block}
        .critical{background:#fde0e0;border-color:#b00020}.high{background:#fdeadb;border-color:#c45500}
        .medium{background:#fff6d6;border-color:#a07800}.low{background:#e6f0fb;border-color:#2a6ebb}
        .info{background:#f0f0f0;border-color:#888}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #ddd;vertical-align:top}
        .sev{font-weight:bold;text-transform:uppercase;font-size:.8em;padding:.1em .4em;border-radius:4px;border:1px solid}
        .id{font-family:monospace;font-size:.8em;color:#555}
        svg text{font-size:10px;font-family:system-ui,sans-serif}
        .bar{fill:#2a6ebb}.span{fill:#c45500}.span.open{fill:#b00020}
        .passed{color:#1b7a1b}.failed,.error{color:#b00020}.unverified{color:#a07800}
        @media print{body{max-width:none;margin:0;font-size:10pt}.tile,.sev{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        section.vendor{break-inside:avoid-page}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        <dl class="facts">
        <dt>As of</dt><dd>{{asOf}}</dd>
        <dt>Generated</dt><dd>{{generatedAt}}</dd>
        <dt>Policy digest</dt><dd class="id">{{policyDigest}}</dd>
        <dt>Audit log head</dt><dd class="id">{{logHead}} ({{logState}})</dd>
        <dt>Vendors evaluated</dt><dd>{{vendorsEvaluated}}</dd>
        <dt>Findings</dt><dd>{{countLine}}</dd>
        </dl>
        <h2>Summary</h2>
        <div class="tiles">
        {{#tiles}}<div class="tile {{severity}}"><span class="count">{{count}}</span>{{severity}}</div>
        {{/tiles}}</div>
        {{#hasGeneral}}<h2>Store</h2>
        <table><tr><th>Severity</th><th>Finding</th><th>Id</th></tr>
        {{#general}}<tr><td><span class="sev {{severity}}">{{severity}}</span></td><td>{{message}}</td><td class="id">{{id}}</td></tr>
        {{/general}}</table>
        {{/hasGeneral}}<h2>Certification validity over time</h2>
        <p>Valid certifications by the month of their last valid day, over the 24 months from {{asOf}}.</p>
        <svg role="img" aria-label="Certifications expiring per month" width="{{chartWidth}}" height="160" viewBox="0 0 {{chartWidth}} 160">
        {{#bars}}<rect class="bar" x="{{x}}" y="{{y}}" width="24" height="{{height}}"><title>{{label}}: {{count}}</title></rect>{{#hasCount}}<text x="{{x}}" y="{{y}}" dy="-2">{{count}}</text>{{/hasCount}}{{#showLabel}}<text x="{{x}}" y="136">{{label}}</text>{{/showLabel}}
        {{/bars}}</svg>
        <h2>Market-access timeline</h2>
        {{#hasTimeline}}<p>Restrictions in force on the audit day in the policy's jurisdictions, from their start; red bars have no end date. {{timelineNote}}</p>
        <svg role="img" aria-label="Market-access restrictions over time" width="960" height="{{timelineHeight}}" viewBox="0 0 960 {{timelineHeight}}">
        {{#years}}<text x="{{x}}" y="10">{{year}}</text>
        {{/years}}<g transform="translate(0,16)">
        {{#spans}}<rect class="span{{#open}} open{{/open}}" x="{{x}}" y="{{y}}" width="{{width}}" height="16"></rect><text x="650" y="{{y}}" dy="12">{{label}}</text>
        {{/spans}}</g></svg>
        {{/hasTimeline}}{{^hasTimeline}}<p><em>No market-access restriction in force in the policy's jurisdictions.</em></p>
        {{/hasTimeline}}<h2>Escrow verification status</h2>
        {{#hasEscrow}}<table><tr><th>Vendor</th><th>Offer</th><th>Latest deposit</th><th>Runs</th><th>Last run</th><th>Last passed</th></tr>
        {{#escrow}}<tr><td>{{vendor}}</td><td>{{offer}}</td><td>{{deposit}}</td><td>{{runs}}</td><td class="{{state}}">{{lastRun}}</td><td>{{lastPassed}}</td></tr>
        {{/escrow}}</table>
        {{/hasEscrow}}{{^hasEscrow}}<p><em>No escrow offer recorded.</em></p>
        {{/hasEscrow}}<h2>Findings by vendor</h2>
        {{^hasVendors}}<p><em>No vendor finding.</em></p>
        {{/hasVendors}}{{{vendorSections}}}<h2>Accepted risks</h2>
        {{^hasAccepted}}<p><em>No finding is accepted.</em></p>
        {{/hasAccepted}}{{#hasAccepted}}<p>Accepted findings are listed here and not counted above.</p>
        <table><tr><th>Severity</th><th>Vendor</th><th>Finding</th><th>Accepted</th><th>Id</th></tr>
        {{#accepted}}<tr><td><span class="sev {{severity}}">{{severity}}</span></td><td>{{vendor}}</td><td>{{message}}</td><td>{{terms}}</td><td class="id">{{id}}</td></tr>
        {{/accepted}}</table>
        {{/hasAccepted}}</body>
        </html>

        """
}
