package org.onedoor.catalogue;

/** A name in English and in Bangla, as ODSC counters print both. */
public record LocalizedName(String en, String bn) {
}
