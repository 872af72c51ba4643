// Handlebars sources of the immediate alert. The HTML one escapes every {{value}}; the text one is compiled
// with noEscape. Both read the same view (FlagAlertView), its words already in the subscriber's language.

export const FLAG_ALERT_TEXT = `{{severityLabel}}: {{ruleTitle}}
{{corridor.name}}

{{ruleExplanation}}

{{w.whatWasPromised}}
  {{corridor.promise}}
  {{corridor.announced}}
  {{corridor.standing}}
{{#if corridor.sourceNote}}  {{w.inTheirWords}}: "{{corridor.sourceNote}}"
{{/if}}{{#if corridor.sourceUrl}}  {{w.source}}: {{corridor.sourceUrl}}
{{/if}}
{{w.theWindow}}
{{#each window}}  {{this}}
{{/each}}
{{#if notConfirmedBy.length}}{{w.didNotConfirm}}
{{#each notConfirmedBy}}  - {{this}}
{{/each}}
{{/if}}{{#if confirmations.length}}{{w.whatThePartiesSaid}}
{{#each confirmations}}  - {{party}}: {{stance}}{{#if reportedBy}}, {{reportedBy}}{{/if}}, {{statedAt}}{{#if note}} - "{{note}}"{{/if}}
{{/each}}
{{/if}}
{{w.openCorridor}}: {{corridor.url}}

--
{{youReceive}}
{{timesAre}}
{{w.unsubscribe}}: {{unsubscribeUrl}}
`;

export const FLAG_ALERT_HTML = `<!doctype html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{severityLabel}}: {{ruleTitle}} - {{corridor.name}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4; max-width: 40em">
<p style="font-weight: bold; color: {{severityColour}}">{{severityLabel}}: {{ruleTitle}}</p>
<h1 style="font-size: 1.3em">{{corridor.name}}</h1>
<p>{{ruleExplanation}}</p>
<h2 style="font-size: 1.1em">{{w.whatWasPromised}}</h2>
<p>{{corridor.promise}}<br>{{corridor.announced}}</p>
<p>{{corridor.standing}}</p>
{{#if corridor.sourceNote}}<blockquote>{{corridor.sourceNote}}</blockquote>{{/if}}
{{#if corridor.sourceUrl}}<p>{{w.source}}: {{#if corridor.sourceHref}}<a href="{{corridor.sourceHref}}">{{corridor.sourceUrl}}</a>{{else}}{{corridor.sourceUrl}}{{/if}}</p>{{/if}}
<h2 style="font-size: 1.1em">{{w.theWindow}}</h2>
<ul>{{#each window}}<li>{{this}}</li>{{/each}}</ul>
{{#if notConfirmedBy.length}}<h2 style="font-size: 1.1em">{{w.didNotConfirm}}</h2>
<ul>{{#each notConfirmedBy}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
{{#if confirmations.length}}<h2 style="font-size: 1.1em">{{w.whatThePartiesSaid}}</h2>
<ul>{{#each confirmations}}<li>{{party}}: {{stance}}{{#if reportedBy}}, {{reportedBy}}{{/if}}, {{statedAt}}{{#if note}} - &ldquo;{{note}}&rdquo;{{/if}}</li>{{/each}}</ul>{{/if}}
<p><a href="{{corridor.url}}">{{w.openCorridorIn}}</a></p>
<hr>
<p style="font-size: 0.85em; color: #555">{{youReceive}} {{timesAre}}
<a href="{{unsubscribeUrl}}">{{w.unsubscribe}}</a></p>
</body>
</html>
`;
