// Handlebars sources of the daily digest; the view is DigestView, its words already in the subscriber's language.
// A digest with nothing to report is one line.

export const DIGEST_TEXT = `{{title}}
{{#if isEmpty}}
{{nothingSince}}
{{else}}
{{covering}}
{{#if windows.length}}
{{w.windowsAhead}}
{{#each windows}}  - {{corridorName}} ({{standing}}): {{subscriberZone}}
{{#if placeZone}}      ({{placeZone}})
{{/if}}      {{../w.confirmation}}: {{status}}{{#each parties}}; {{name}}: {{stance}}{{/each}}
      {{url}}
{{/each}}
{{/if}}{{#if raised.length}}
{{w.flagsRaised}}
{{#each raised}}  - {{severity}} {{rule}}: {{corridorName}} ({{standing}}), {{../w.window}} {{window}}
      {{url}}
{{/each}}
{{/if}}{{#if resolved.length}}
{{w.flagsResolved}}
{{#each resolved}}  - {{rule}}: {{corridorName}} ({{standing}}), {{../w.window}} {{window}}
{{/each}}
{{/if}}{{#if evacuations.length}}
{{w.figures}}
{{#each evacuations}}  - {{corridorName}} ({{standing}}): {{range}}
{{#each claims}}      {{source}}: {{people}}, {{reportedAt}}{{#if note}} - "{{note}}"{{/if}}
{{/each}}{{/each}}
{{/if}}{{/if}}
--
{{timesAre}}
{{w.unsubscribe}}: {{unsubscribeUrl}}
`;

export const DIGEST_HTML = `<!doctype html>
<html lang="{{lang}}">
<head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4; max-width: 40em">
<h1 style="font-size: 1.3em">{{title}}</h1>
{{#if isEmpty}}<p>{{nothingSince}}</p>{{else}}
<p>{{covering}}</p>
{{#if windows.length}}<h2 style="font-size: 1.1em">{{w.windowsAhead}}</h2><ul>
{{#each windows}}<li><a href="{{url}}">{{corridorName}}</a> ({{standing}}): {{subscriberZone}}{{#if placeZone}} <small>({{placeZone}})</small>{{/if}}<br>
{{../w.confirmation}}: {{status}}{{#each parties}}; {{name}}: {{stance}}{{/each}}</li>
{{/each}}</ul>{{/if}}
{{#if raised.length}}<h2 style="font-size: 1.1em">{{w.flagsRaised}}</h2><ul>
{{#each raised}}<li>{{severity}} {{rule}}: <a href="{{url}}">{{corridorName}}</a> ({{standing}}), {{../w.window}} {{window}}</li>
{{/each}}</ul>{{/if}}
{{#if resolved.length}}<h2 style="font-size: 1.1em">{{w.flagsResolved}}</h2><ul>
{{#each resolved}}<li>{{rule}}: {{corridorName}} ({{standing}}), {{../w.window}} {{window}}</li>
{{/each}}</ul>{{/if}}
{{#if evacuations.length}}<h2 style="font-size: 1.1em">{{w.figures}}</h2><ul>
{{#each evacuations}}<li><a href="{{url}}">{{corridorName}}</a> ({{standing}}): {{range}}<ul>
{{#each claims}}<li>{{source}}: {{people}}, {{reportedAt}}{{#if note}} - &ldquo;{{note}}&rdquo;{{/if}}</li>{{/each}}
</ul></li>
{{/each}}</ul>{{/if}}{{/if}}
<hr>
<p style="font-size: 0.85em; color: #555">{{timesAre}}
<a href="{{unsubscribeUrl}}">{{w.unsubscribe}}</a></p>
</body>
</html>
`;
