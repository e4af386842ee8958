package org.onedoor.intake;

/** One document part of a filing: the part name is the document kind from the catalogue. */
record Upload(String kind, String fileName, byte[] content) {
}
