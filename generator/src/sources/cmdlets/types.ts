/**
 * What a platyPS cmdlet help file says, dialect-neutral. Both platyPS 0.14 ("schema: 2.0.0")
 * and "PlatyPS schema version: 2024-05-01" files parse into this shape.
 */
export type PlatyPsDialect = 'platyps-0.14' | 'platyps-2024-05-01';

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface CmdletHelp {
  readonly file: string;
  readonly dialect: PlatyPsDialect;
  /** Front matter as key → string value (`schema`, `Module Name`, `online version`, ...). */
  readonly frontMatter: Readonly<Record<string, string>>;
  readonly name: string;
  /** `Get` of `Get-MgApplication…` */
  readonly verb: string;
  /** `MgApplicationSynchronizationAccessToken` */
  readonly noun: string;
  readonly synopsis: string;
  readonly description: string;
  readonly onlineVersion?: string;
  readonly aliases: readonly string[];
  /** SYNTAX: one entry per `### Name` block, in file order. */
  readonly syntax: readonly SyntaxBlock[];
  readonly examples: readonly CmdletExample[];
  /** PARAMETERS: one entry per `### -Name` block (CommonParameters excluded), in file order. */
  readonly parameters: readonly CmdletParameter[];
  /** True when the help says the cmdlet supports CommonParameters. */
  readonly supportsCommonParameters: boolean;
  readonly inputs: readonly TypeNote[];
  readonly outputs: readonly TypeNote[];
  /** NOTES → COMPLEX PARAMETER PROPERTIES, keyed by upper-case parameter name as written. */
  readonly complexParameters: readonly ComplexParameterTree[];
  readonly relatedLinks: readonly RelatedLink[];
  readonly position: SourcePosition;
}

export interface SyntaxBlock {
  readonly setName: string;
  readonly isDefault: boolean;
  /** The raw usage text, whitespace-normalised to one line. */
  readonly usage: string;
  readonly parameters: readonly SyntaxParameter[];
  readonly position: SourcePosition;
}

/** One `-Name <Type>` / `[-Name <Type>]` / `[-Switch]` item of a syntax line. */
export interface SyntaxParameter {
  readonly name: string;
  /** Type as written in the syntax line without brackets, e.g. `String`, `IDictionary`; absent for switches. */
  readonly typeName?: string;
  /** `-Name` without surrounding `[...]`. */
  readonly required: boolean;
  /** `[-Name] <T>` form: the name itself may be omitted (positional). */
  readonly positional: boolean;
  /** Where the item is written in the usage fence. */
  readonly source?: SourcePosition;
}

export interface CmdletExample {
  readonly title: string;
  /** Code of the example (fenced or, in 2024-05-01 files, unfenced), without fences. */
  readonly code: string;
  readonly language?: string;
  /** Prose of the example other than its code (platyPS puts it after the code; an introduction before it is kept too). */
  readonly remarks: string;
  /** True when the code or remarks are platyPS placeholders such as `{{ Add code here }}`. */
  readonly isPlaceholder: boolean;
  /** Each fence of the example on its own (code, then e.g. its output), when the example is fenced. */
  readonly codeBlocks?: readonly ExampleCodeBlock[];
  readonly position: SourcePosition;
}

export interface ExampleCodeBlock {
  readonly code: string;
  readonly language?: string;
}

export interface ParameterSetMembership {
  /** Set name, or `(All)`. */
  readonly setName: string;
  readonly required: boolean;
  /** `Named` or a number as string. */
  readonly position: string;
  readonly valueFromPipeline: boolean;
  readonly valueFromPipelineByPropertyName: boolean;
  /** Where the set is named in the parameter's yaml block. */
  readonly source?: SourcePosition;
}

export interface CmdletParameter {
  /** Without the leading dash. */
  readonly name: string;
  readonly description: string;
  /** Full .NET type, e.g. `System.String`, `Microsoft.Graph.PowerShell.Models.IApplicationsIdentity`. */
  readonly type: string;
  readonly aliases: readonly string[];
  /** Per-set facts. A parameter in `(All)` has exactly one membership with setName `(All)`. */
  readonly parameterSets: readonly ParameterSetMembership[];
  readonly defaultValue?: string;
  readonly acceptsWildcards: boolean;
  /** Raw `Accept pipeline input` text in 0.14 files, e.g. `True (ByValue)`; synthesised for 2024-05-01. */
  readonly pipelineInput: string;
  readonly acceptedValues: readonly string[];
  readonly position: SourcePosition;
}

export interface TypeNote {
  readonly typeName: string;
  readonly description: string;
}

export interface ComplexParameterTree {
  /** As written: `BODYPARAMETER`, `INPUTOBJECT`. */
  readonly name: string;
  readonly typeName: string;
  readonly description: string;
  readonly properties: readonly ComplexProperty[];
}

export interface ComplexProperty {
  /** `Key`, or `(Any)` for the additional-properties marker. */
  readonly name: string;
  /** `String`, `IMicrosoftGraphSynchronizationSecretKeyStringValuePair[]`, unescaped. */
  readonly typeName: string;
  /** `[Name <T>]` is optional; `Name <T>` is required. */
  readonly required: boolean;
  readonly description: string;
  readonly properties: readonly ComplexProperty[];
}

export interface RelatedLink {
  readonly text: string;
  readonly url: string;
}
