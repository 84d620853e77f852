/**
 * A whole analysis in YAML: datasets, skim, calibrations, shape variations, objects, variables,
 * preselection, categories, weights and histograms, validated before the first event and compiled
 * into the column kernels a Java {@code AnalysisProcessor} uses.
 *
 * <pre>{@code
 * objects:
 *   GoodMuon:
 *     from: Muon
 *     where: "pt > 15 && abs(eta) < 2.4 && tightId && pfRelIso04_all < 0.15"
 * variables:
 *   dimuonMass: "(GoodMuon[0] + GoodMuon[1]).mass"
 * }</pre>
 *
 * <pre>{@code
 * AnalysisConfig cfg = AnalysisConfig.load(Path.of("configs/examples/zmumu.yaml"));   // throws ConfigException
 * cfg.warnings().forEach(w -> System.err.println(w.render()));                       // systematics lint
 * RunOutput<AccumulatorMap> out = new Runner(RunConfig.defaults()).run(cfg.processor(), cfg.fileset());
 * }</pre>
 *
 * Every error is a {@link org.crema.configs.Diagnostic} with file, line and column (inside an
 * expression string, the column of the offending token), collected into one
 * {@link org.crema.configs.ConfigException}. The YAML reference and the expression grammar are in
 * {@code docs/configs.md}.
 */
package org.crema.configs;
