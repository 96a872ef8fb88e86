/**
 * Which Kiota serialization packages the client registers: JSON always, plus text, form and
 * multipart when an operation sends or receives those content types (`$count` answers
 * `text/plain`, for example).
 */
import type { ApiModel } from '../../model/index.js';

export interface SerializationFormat {
  /** `@microsoft/kiota-serialization-json` */
  readonly module: string;
  readonly writerFactory: string;
  /** Absent for formats Kiota only writes (multipart). */
  readonly parseNodeFactory?: string;
}

const JSON_FORMAT: SerializationFormat = {
  module: '@microsoft/kiota-serialization-json',
  writerFactory: 'JsonSerializationWriterFactory',
  parseNodeFactory: 'JsonParseNodeFactory',
};

const OTHER_FORMATS: readonly { readonly matches: RegExp; readonly format: SerializationFormat }[] = [
  {
    matches: /^text\//i,
    format: { module: '@microsoft/kiota-serialization-text', writerFactory: 'TextSerializationWriterFactory', parseNodeFactory: 'TextParseNodeFactory' },
  },
  {
    matches: /^application\/x-www-form-urlencoded/i,
    format: { module: '@microsoft/kiota-serialization-form', writerFactory: 'FormSerializationWriterFactory', parseNodeFactory: 'FormParseNodeFactory' },
  },
  {
    matches: /^multipart\/form-data/i,
    format: { module: '@microsoft/kiota-serialization-multipart', writerFactory: 'MultipartSerializationWriterFactory' },
  },
];

/** JSON first, then the others the model's operations use, in a fixed order. */
export function serializationFormats(model: ApiModel): SerializationFormat[] {
  const contentTypes = model.operations.flatMap((operation) => [operation.requestBody?.contentType, operation.success.contentType]);
  const used = OTHER_FORMATS.filter((candidate) => contentTypes.some((contentType) => contentType !== undefined && candidate.matches.test(contentType)));
  return [JSON_FORMAT, ...used.map((candidate) => candidate.format)];
}
