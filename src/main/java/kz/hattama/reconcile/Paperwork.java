package kz.hattama.reconcile;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.LayoutDef;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.PageReading;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks observers reject a protocol for before its figures: a side of the sheet that never arrived
 * ({@link CheckDef#SIDES}) and a required signature line left empty ({@link CheckDef#SIGNATURES}). Each is reported
 * as it is; nothing here changes a figure.
 */
final class Paperwork {

    private final FormDefinition form;

    Paperwork(FormDefinition form) {
        this.form = form;
    }

    List<CheckResult> checks(PageReading page) {
        List<CheckResult> out = new ArrayList<>();
        LayoutDef layout = form.layout();
        form.checkOfKind(CheckDef.SIDES).ifPresent(c -> out.add(sides(c, page, layout)));
        form.checkOfKind(CheckDef.SIGNATURES).ifPresent(c -> {
            int side = layout.signatureSide();
            // With the signature side missing there is nothing to judge, and pages_complete already fails; readings
            // made without looking at the signatures (null) judge nothing either.
            if (side > 0 && page.covers(side) && page.signatures() != null) {
                out.add(signed(c, page, layout.signatures()));
            }
        });
        return out;
    }

    private static CheckResult sides(CheckDef c, PageReading page, LayoutDef layout) {
        List<String> missing = new ArrayList<>();
        for (int side = 1; side <= layout.sides().size(); side++) {
            if (!page.covers(side)) {
                missing.add(Integer.toString(side));
            }
        }
        if (missing.isEmpty()) {
            return new CheckResult(c.id(), true, layout.sides().size() == 1 ? "one side" : "every side arrived");
        }
        return new CheckResult(c.id(), false, (missing.size() == 1 ? "side " : "sides ") + String.join(", ", missing)
                + " missing");
    }

    private static CheckResult signed(CheckDef c, PageReading page, LayoutDef.Signatures block) {
        if (page.signatures().isEmpty()) {
            return new CheckResult(c.id(), false, "cannot check: signature lines not found");
        }
        List<String> unsigned = new ArrayList<>();
        for (String role : block.required()) {
            int line = block.lines().indexOf(role);
            boolean signed = line < page.signatures().size() && page.signatures().get(line);
            if (!signed) {
                unsigned.add(block.roles().get(role).getOrDefault(FormDefinition.DEFAULT_LABEL_LANGUAGE, role));
            }
        }
        if (unsigned.isEmpty()) {
            return new CheckResult(c.id(), true, "signed: " + String.join(", ", block.required()));
        }
        return new CheckResult(c.id(), false, "no signature: " + String.join(", ", unsigned));
    }
}
