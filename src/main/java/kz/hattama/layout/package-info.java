/**
 * Where each field of a form is on a normalized page: {@link kz.hattama.layout.LayoutFinder#find}
 * reads the printed rulings for candidate value lines and table rows, and puts each of the form
 * definition's fields where its printed label is read ({@link kz.hattama.layout.LabelReader}, handed
 * in by the OCR stage); a field whose label was not read is placed by page order and not anchored.
 * {@link kz.hattama.layout.LayoutOverlay} draws the result for checking by eye; the test tool
 * {@code kz.hattama.tools.LayoutDebugMain} runs it over folders of pictures. Stateless and
 * thread-safe.
 */
package kz.hattama.layout;
