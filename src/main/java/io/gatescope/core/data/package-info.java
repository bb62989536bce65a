/**
 * MNIST: IDX files read (raw or gzipped) with every check naming the file, images kept as bytes
 * with their labels, and where the data folder is.
 */
package io.gatescope.core.data;
