/**
 * Making any picture an MNIST-style 28×28 input: stroke rasterising, cropping, scaling and centring
 * by mass, and reading picture files.
 */
package io.gatescope.core.preprocess;
