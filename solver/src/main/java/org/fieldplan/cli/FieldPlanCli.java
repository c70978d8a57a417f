package org.fieldplan.cli;
public class FieldPlanCli { public static void main(String[] a){} }
