/**
 * Kiota's JSON serialization writer, registered on the adapter before a call writes a body (the
 * client's `requestBuilderAt` registers it the same way). A module of its own, bundled apart by
 * scripts/bundle-runtime.mjs: a call without a body never loads it.
 */
import type { RequestAdapter, SerializationWriterFactory, SerializationWriterFactoryRegistry } from '@microsoft/kiota-abstractions';
import { JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json';

function isRegistry(factory: SerializationWriterFactory): factory is SerializationWriterFactoryRegistry {
  return 'registerDefaultSerializer' in factory && 'contentTypeAssociatedFactories' in factory;
}

export function registerJsonWriter(adapter: RequestAdapter): void {
  const writers = adapter.getSerializationWriterFactory();
  if (isRegistry(writers)) writers.registerDefaultSerializer(JsonSerializationWriterFactory);
}
