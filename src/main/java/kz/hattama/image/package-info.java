/**
 * From a decoded picture to a clean upright page: {@link kz.hattama.image.PageNormalizer#normalize}
 * finds the sheet in a photo ({@link kz.hattama.image.PageQuadFinder}), measures the skew
 * ({@link kz.hattama.image.SkewEstimator}), warps once to {@value kz.hattama.image.PageNormalizer#PAGE_WIDTH} px
 * wide and evens out the light ({@link kz.hattama.image.IlluminationFlattener}). Call
 * {@link kz.hattama.image.OpenCv#load()} before touching any OpenCV type. The classes hold no state
 * and may be shared between threads; they do no I/O.
 */
package kz.hattama.image;
