package org.crema.plot;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link RunPlots} draws and how.
 *
 * @param formats output formats
 * @param logY also draw each data/MC plot with a logarithmic y axis ({@code _log} suffix)
 * @param blindCategories categories whose data are hidden entirely (signal regions)
 * @param blindRanges histogram name → x ranges {low, high} whose data are hidden in every category
 * @param lumiInverseFb integrated luminosity in fb⁻¹ for the label
 * @param sqrtsTeV √s in TeV for the label
 * @param processes dataset → process name, overriding the fileset's {@code sample} metadata
 * @param xLabels histogram name → x-axis title (TeX), overriding the axis label
 * @param status the italic text after "CMS" on data plots, e.g. "Preliminary"
 * @param normaliseToData scale the MC (stack, variations, band) so its total equals the data's in
 *     each plot: a shape comparison, used when the data are a small subset of the luminosity; the
 *     plot says so in its legend
 */
public record PlotOptions(Set<PlotWriter.Format> formats, boolean logY, Set<String> blindCategories,
        Map<String, List<double[]>> blindRanges, double lumiInverseFb, double sqrtsTeV, Map<String, String> processes,
        Map<String, String> xLabels, String status, boolean normaliseToData) {

    /** Copies the collections. */
    public PlotOptions {
        formats = Set.copyOf(formats);
        blindCategories = Set.copyOf(blindCategories);
        blindRanges = Map.copyOf(blindRanges);
        processes = Map.copyOf(processes);
        xLabels = Map.copyOf(xLabels);
    }

    /** @return all formats, linear y, nothing blinded, 59.8 fb⁻¹ at 13 TeV (CMS 2018), "Preliminary" */
    public static PlotOptions defaults() {
        return new PlotOptions(PlotWriter.Format.ALL, false, Set.of(), Map.of(), 59.8, 13, Map.of(), Map.of(),
                "Preliminary", false);
    }

    /** @return a copy with other formats */
    public PlotOptions withFormats(Set<PlotWriter.Format> v) {
        return new PlotOptions(v, logY, blindCategories, blindRanges, lumiInverseFb, sqrtsTeV, processes, xLabels, status, normaliseToData);
    }

    /** @return a copy with log y on or off */
    public PlotOptions withLogY(boolean v) {
        return new PlotOptions(formats, v, blindCategories, blindRanges, lumiInverseFb, sqrtsTeV, processes, xLabels, status, normaliseToData);
    }

    /** @return a copy with other blinded categories */
    public PlotOptions withBlindCategories(Set<String> v) {
        return new PlotOptions(formats, logY, v, blindRanges, lumiInverseFb, sqrtsTeV, processes, xLabels, status, normaliseToData);
    }

    /** @return a copy with other blinded x ranges */
    public PlotOptions withBlindRanges(Map<String, List<double[]>> v) {
        return new PlotOptions(formats, logY, blindCategories, v, lumiInverseFb, sqrtsTeV, processes, xLabels, status, normaliseToData);
    }

    /** @return a copy with another luminosity and energy */
    public PlotOptions withLumi(double lumi, double sqrts) {
        return new PlotOptions(formats, logY, blindCategories, blindRanges, lumi, sqrts, processes, xLabels, status, normaliseToData);
    }

    /** @return a copy with a dataset → process mapping */
    public PlotOptions withProcesses(Map<String, String> v) {
        return new PlotOptions(formats, logY, blindCategories, blindRanges, lumiInverseFb, sqrtsTeV, v, xLabels, status, normaliseToData);
    }

    /** @return a copy with MC normalised to data in each plot, or not */
    public PlotOptions withNormaliseToData(boolean v) {
        return new PlotOptions(formats, logY, blindCategories, blindRanges, lumiInverseFb, sqrtsTeV, processes, xLabels,
                status, v);
    }

    /** @return a copy with x-axis titles per histogram */
    public PlotOptions withXLabels(Map<String, String> v) {
        return new PlotOptions(formats, logY, blindCategories, blindRanges, lumiInverseFb, sqrtsTeV, processes, v, status, normaliseToData);
    }
}
