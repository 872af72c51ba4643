import { getMetadataStorage } from 'class-validator';

const INSTALLED = Symbol.for('corridor-watch.validation-rules-cache');

type Storage = ReturnType<typeof getMetadataStorage> & { [INSTALLED]?: true };
type Grouped = ReturnType<Storage['groupByPropertyName']>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/**
 * class-validator looks up a class's rules at every validation of every object (Nest's ValidationPipe once more,
 * for its binary-value check): it walks the rules of every class it knows, with an `instanceof` each, filters
 * them and groups them by property. The rules are registered when the DTO classes are defined, never by a
 * request, so the lookups are kept per class and options until a rule is added. The arrays handed out are the
 * ones class-validator built; neither it nor Nest changes them.
 */
export function cacheValidationRules(): void {
  const storage = getMetadataStorage() as Storage;
  if (storage[INSTALLED]) return;
  storage[INSTALLED] = true;

  let byTarget = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Grouped>();

  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    byTarget = new Map();
    grouped = new WeakMap();
    addValidationMetadata(metadata);
  };

  const getTargetValidationMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // No groups and an empty list of groups select the same rules.
    const key = `${schema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    let rules = forTarget.get(key);
    if (!rules)
      forTarget.set(
        key,
        (rules = getTargetValidationMetadatas(target, schema, always, strictGroups, groups)),
      );
    return rules;
  };

  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = groupByPropertyName(metadata)));
    return byProperty;
  };
}
