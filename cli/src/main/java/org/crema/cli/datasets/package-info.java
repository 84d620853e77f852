/**
 * {@code crema datasets}: filesets built from a YAML dataset definition (local globs, file lists,
 * HTTP(S) directory listings, redirector-prefixed logical file names), with each file's entries,
 * Σ genWeight and SHA-256 gathered once and cached by file identity.
 *
 * <pre>{@code
 * DatasetBuilder.Result r = new DatasetBuilder(DatasetBuilder.defaultCache())
 *         .build(DatasetDefinition.load(Path.of("datasets.yaml")), false, true);
 * r.problems().forEach(p -> System.err.println(p.render()));
 * FilesetJson.write(r.json(), Path.of("fileset.json"));
 * }</pre>
 */
package org.crema.cli.datasets;
