package org.abusedesk.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.f4b6a3.ulid.Ulid;
import java.util.ArrayList;
import org.abusedesk.complaint.ComplaintId;
import org.junit.jupiter.api.Test;

class RandomnessTest {

    @Test
    void renew_replacesEverySource_withANewlySeededOne() {
        var before = Randomness.sources();

        Randomness.renew();

        var after = Randomness.sources();
        assertThat(after.secureRandom()).isNotSameAs(before.secureRandom());
        assertThat(after.ulids()).isNotSameAs(before.ulids());
        assertThat(after.monotonicUlids()).isNotSameAs(before.monotonicUlids());
        assertThat(Randomness.secureRandom()).isSameAs(after.secureRandom());
    }

    @Test
    void complaintIds_stayValidAndInOrder_acrossARenewal() {
        // GIVEN complaint ids generated before a restore, many within the same millisecond
        var ids = new ArrayList<String>();
        for (int i = 0; i < 500; i++) {
            ids.add(ComplaintId.generate().value());
        }

        // WHEN the sources are renewed, as after a restore, and more ids follow at once
        Randomness.renew();
        for (int i = 0; i < 500; i++) {
            ids.add(ComplaintId.generate().value());
        }

        // THEN every id is a ULID, and each sorts after the one before it
        assertThat(ids).allSatisfy(id -> assertThat(Ulid.isValid(id)).isTrue());
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }
}
