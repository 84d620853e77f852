/**
 * {@code crema workflow}: an analysis from datasets to plots and datacard as content-addressed steps.
 *
 * <p>Each step ({@code datasets → run → plots → datacard}) writes into {@code OUTPUT/STEP/KEY/}, KEY
 * hashing everything the step read; {@code step.json}, written last, marks it complete. Rerunning
 * runs only steps whose key changed or whose folder does not verify, so an interrupted workflow
 * resumes with the result of an uninterrupted one.
 *
 * <pre>{@code
 * WorkflowSpec spec = WorkflowSpec.load(Path.of("configs/examples/zmumu.yaml"), Path.of("out/zmumu-wf"),
 *         Path.of("configs/examples/zmumu-datacard.yaml"));
 * Workflow wf = new Workflow(spec);
 * wf.plan().forEach(System.out::println);   // what would run, and why
 * wf.run(new PrintWriter(System.out, true));
 * }</pre>
 */
package org.crema.cli.workflow;
