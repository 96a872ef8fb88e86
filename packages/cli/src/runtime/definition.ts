/**
 * The shape of the command definitions `mgkit-gen` emits into `src/generated/`: declared once,
 * in @mgkit/cli-contract, which the generator builds against too.
 */
export type {
  BodyContent,
  BuilderCall,
  CommandDefinition,
  CommandIndexEntry,
  CommandModule,
  ExampleDefinition,
  IdentityKey,
  JsonSchema,
  JsonType,
  OperationDefinition,
  OptionDefinition,
  OptionKind,
  OptionRole,
  OptionSetBinding,
  ParameterSetDefinition,
  PreparedCall,
  RequestConfigurationLike,
  RequestData,
} from '@mgkit/cli-contract';
