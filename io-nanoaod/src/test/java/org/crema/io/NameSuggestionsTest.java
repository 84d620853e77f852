package org.crema.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertThat(NameSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.distance("", "Jet_pt")).isEqualTo(6);
        assertThat(NameSuggestions.distance("Jet_pt", "Jet_pt")).isZero();
        assertThat(NameSuggestions.distance("Jet_pt", "Jet_tp")).isEqualTo(2);
    }

    @Test
    void closestRanksByDistanceIgnoringCaseAndKeepsNamesContainingTheWord() {
        List<String> branches = List.of("Muon_pt", "Muon_eta", "Jet_pt", "nMuon", "Muon_ptErr", "Electron_pt");
        assertThat(NameSuggestions.closest("muon_PT", branches, 3)).containsExactly("Muon_pt", "Muon_eta", "Muon_ptErr");
        assertThat(NameSuggestions.closest("Muon", branches, 5)).contains("nMuon").doesNotContain("Jet_pt");
        assertThat(NameSuggestions.closest("zzzzzzzz", branches, 5)).isEmpty();
    }
}
