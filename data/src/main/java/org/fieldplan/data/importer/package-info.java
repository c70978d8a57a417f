/**
 * Importers: precinct files of any format and CRS through GDAL ogr2ogr and mappings, volunteer sheets,
 * generated and real sample regions, whole-region uploads, and the limits on archives and uploads.
 */
package org.fieldplan.data.importer;
