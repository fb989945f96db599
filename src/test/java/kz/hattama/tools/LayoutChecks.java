package kz.hattama.tools;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.layout.FieldZones;
import kz.hattama.layout.Layout;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

import java.util.ArrayList;
import java.util.List;

/** Sanity checks of a layout that need no ground truth: every field, in page order, plausible sizes. */
public final class LayoutChecks {

    private LayoutChecks() {
    }

    public static List<String> problems(Layout layout, FormDefinition form, Mat page) {
        double u = page.cols() / 1654.0;
        List<String> p = new ArrayList<>();
        List<String> missing = layout.missing(form.keys());
        if (!missing.isEmpty()) {
            p.add("missing " + missing);
        }
        Rect h = layout.header();
        if (h.height < 250 * u || h.height > 800 * u) {
            p.add("header height " + h.height);
        }
        double prevY = h.y + h.height - 1;
        for (FieldDef f : form.fields()) {
            FieldZones z = layout.fields().get(f.key());
            if (z == null) {
                continue;
            }
            if (z.digits().y <= prevY) {
                p.add(f.key() + " out of order");
            }
            prevY = z.digits().y;
            if (!inside(z.digits(), z.box()) || !inside(z.words(), z.box())) {
                p.add(f.key() + " zone outside its box");
            }
            if (z.digits().x + z.digits().width > z.words().x + 2) {
                p.add(f.key() + " digits not left of words");
            }
            check(p, f.key() + ".digits", z.digits(), 150 * u, 700 * u, 45 * u, 130 * u);
            check(p, f.key() + ".words", z.words(), 350 * u, 1400 * u, 45 * u, 130 * u);
        }
        return p;
    }

    private static void check(List<String> p, String what, Rect r, double minW, double maxW, double minH, double maxH) {
        if (r.width < minW || r.width > maxW || r.height < minH || r.height > maxH) {
            p.add(what + " " + r.width + "x" + r.height);
        }
    }

    private static boolean inside(Rect a, Rect b) {
        return a.x >= b.x - 2 && a.y >= b.y - 2 && a.x + a.width <= b.x + b.width + 2 && a.y + a.height <= b.y + b.height + 2;
    }
}
