// Diagnostic codes of entity analysis and splitting (E02xx), plus the code of
// an internal compiler error. Codes are stable: tests and tools match them,
// and docs/language.md lists them with an example each.

export const Code = {
  missingKey: 'E0201',
  untypedParameter: 'E0202',
  unknownMethod: 'E0203',
  unknownAttribute: 'E0204',
  wrongArguments: 'E0205',
  foreignAssignment: 'E0206',
  asyncUnsupported: 'E0207',
  yieldUnsupported: 'E0208',
  importUnsupported: 'E0209',
  withUnsupported: 'E0210',
  matchUnsupported: 'E0211',
  nestedClass: 'E0212',
  globalInEntity: 'E0213',
  remoteInNestedScope: 'E0214',
  conflictingAnnotation: 'E0215',
  remoteOutsideEntity: 'E0216',
  invariantParameter: 'E0217',
  unsupportedDecorator: 'E0218',
  entityInheritance: 'E0219',
  invalidKey: 'E0220',
  splitMethodAsValue: 'E0221',
  callOnEntityClass: 'E0222',
  exceptStarUnsupported: 'E0223',
  unsupportedPlacement: 'E0224',
  assignmentToSelf: 'E0225',
  duplicateDefinition: 'E0226',
  limitExceeded: 'E0227',
  ambiguousReceiver: 'E0228',
  internalError: 'E0999',
} as const;

export type CodeValue = (typeof Code)[keyof typeof Code];
