// Handlebars sources of the immediate alert. The HTML one escapes every {{value}}; the text one is compiled
// with noEscape. Both read the same view (FlagAlertView).

export const FLAG_ALERT_TEXT = `{{severityLabel}}: {{ruleTitle}}
{{corridor.name}}

{{ruleExplanation}}

What was promised
  {{corridor.promise}}
  Announced by {{corridor.announcedBy}} on {{corridor.announcedAtLocal}}
  Status: {{corridor.status}}. Promise {{corridor.promiseOutcome}}.
{{#if corridor.sourceNote}}  In their words: "{{corridor.sourceNote}}"
{{/if}}{{#if corridor.sourceUrl}}  Source: {{corridor.sourceUrl}}
{{/if}}
The window
  {{window.subscriberZone}}
  {{window.corridorZone}}

{{#if notConfirmedBy.length}}Did not confirm
{{#each notConfirmedBy}}  - {{this}}
{{/each}}
{{/if}}{{#if confirmations.length}}What the parties said
{{#each confirmations}}  - {{party}}: {{stance}}{{#if reportedBy}}, as reported by {{reportedBy}}{{/if}}, {{statedAt}}{{#if note}} - "{{note}}"{{/if}}
{{/each}}
{{/if}}
Open the corridor: {{corridor.url}}

--
You receive this because {{email}} is subscribed to Corridor Watch alerts ({{subscriptionLabel}}).
Times are in {{subscriberZone}} and in the corridor's announced zone.
Unsubscribe: {{unsubscribeUrl}}
`;

export const FLAG_ALERT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{severityLabel}}: {{ruleTitle}} - {{corridor.name}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4; max-width: 40em">
<p style="font-weight: bold; color: {{severityColour}}">{{severityLabel}}: {{ruleTitle}}</p>
<h1 style="font-size: 1.3em">{{corridor.name}}</h1>
<p>{{ruleExplanation}}</p>
<h2 style="font-size: 1.1em">What was promised</h2>
<p>{{corridor.promise}}<br>Announced by {{corridor.announcedBy}} on {{corridor.announcedAtLocal}}</p>
<p>Status: {{corridor.status}}. Promise {{corridor.promiseOutcome}}.</p>
{{#if corridor.sourceNote}}<blockquote>{{corridor.sourceNote}}</blockquote>{{/if}}
{{#if corridor.sourceUrl}}<p>Source: {{#if corridor.sourceHref}}<a href="{{corridor.sourceHref}}">{{corridor.sourceUrl}}</a>{{else}}{{corridor.sourceUrl}}{{/if}}</p>{{/if}}
<h2 style="font-size: 1.1em">The window</h2>
<ul><li>{{window.subscriberZone}}</li><li>{{window.corridorZone}}</li></ul>
{{#if notConfirmedBy.length}}<h2 style="font-size: 1.1em">Did not confirm</h2>
<ul>{{#each notConfirmedBy}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
{{#if confirmations.length}}<h2 style="font-size: 1.1em">What the parties said</h2>
<ul>{{#each confirmations}}<li>{{party}}: {{stance}}{{#if reportedBy}}, as reported by {{reportedBy}}{{/if}}, {{statedAt}}{{#if note}} - &ldquo;{{note}}&rdquo;{{/if}}</li>{{/each}}</ul>{{/if}}
<p><a href="{{corridor.url}}">Open the corridor in Corridor Watch</a></p>
<hr>
<p style="font-size: 0.85em; color: #555">You receive this because {{email}} is subscribed to Corridor Watch alerts
({{subscriptionLabel}}). Times are in {{subscriberZone}} and in the corridor's announced zone.
<a href="{{unsubscribeUrl}}">Unsubscribe</a></p>
</body>
</html>
`;
