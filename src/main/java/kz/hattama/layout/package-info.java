/**
 * Where each field of a form is on a normalized page: {@link kz.hattama.layout.LayoutFinder#find}
 * reads the printed rulings and maps them onto the form definition's fields in page order.
 * {@link kz.hattama.layout.LayoutOverlay} draws the result for checking by eye; the test tool
 * {@code kz.hattama.tools.LayoutDebugMain} runs it over folders of pictures. Stateless and
 * thread-safe.
 */
package kz.hattama.layout;
