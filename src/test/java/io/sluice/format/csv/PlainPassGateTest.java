package io.sluice.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainPassGateTest {
    @Test
    void plainRecordsKeepTheGateOpen() {
        PlainPassGate gate = new PlainPassGate();
        for (int i = 0; i < PlainPassGate.WINDOW * 10; i++) {
            assertThat(gate.open()).isTrue();
            gate.tried(i % 3 != 0); // a third declined: still worth trying
        }
    }

    @Test
    void mostlyDeclinedRecordsPauseTheTriesThenTryAgain() {
        PlainPassGate gate = new PlainPassGate();
        for (int i = 0; i < PlainPassGate.WINDOW; i++) {
            assertThat(gate.open()).isTrue();
            gate.tried(false);
        }
        int paused = 0;
        while (!gate.open()) {
            paused++;
        }
        assertThat(paused).isEqualTo(PlainPassGate.PAUSE);
        gate.tried(true);
        assertThat(gate.open()).isTrue();
    }
}
