<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Service ${service.serviceId}"/>
<%-- Queued and started services change by the second; the page follows until they are done. --%>
<c:set var="refreshSeconds" value="${service.running ? 2 : 0}"/>
<%@ include file="header.jspf" %>
<c:url var="jsonUrl" value="/services/${service.serviceId}"><c:param name="format" value="json"/></c:url>
<c:url var="csvUrl" value="/services/${service.serviceId}"><c:param name="format" value="csv"/></c:url>
<c:url var="userUrl" value="/services"><c:param name="userName" value="${service.userName}"/></c:url>

<section aria-labelledby="service-heading" class="card">
  <h1 id="service-heading">Service <span id="service-id" class="service-id-inline"><c:out value="${service.serviceId}"/></span></h1>
  <dl class="facts">
    <dt>Status</dt>
    <dd><span id="status" class="status status-${service.status}"><c:out value="${service.status}"/></span>
      <c:if test="${service.running}"><span class="hint">(this page refreshes itself)</span></c:if></dd>
    <dt>User</dt>
    <dd><a href="<c:out value='${userUrl}'/>"><c:out value="${service.userName}"/></a></dd>
    <dt>Bucket</dt>
    <dd><code><c:out value="${service.bucket}"/></code></dd>
    <dt>Requested</dt>
    <dd><c:out value="${service.requestTime}"/></dd>
    <dt>Started</dt>
    <dd><c:out value="${service.startTime}" default="not yet"/></dd>
    <dt>Ended</dt>
    <dd><c:out value="${service.endTime}" default="not yet"/></dd>
    <dt>Images done</dt>
    <dd><c:out value="${service.progress}"/></dd>
    <c:if test="${service.failed}">
      <dt>Error</dt>
      <dd class="error"><c:out value="${service.error}" default="unknown"/></dd>
    </c:if>
  </dl>
  <p class="downloads">Results as <a href="<c:out value='${jsonUrl}'/>">JSON</a>
    or <a href="<c:out value='${csvUrl}'/>">CSV</a>.</p>
</section>

<section aria-labelledby="results-heading" class="card">
  <h2 id="results-heading">Results</h2>
  <c:choose>
    <c:when test="${empty rows}">
      <p>No image is done yet.</p>
    </c:when>
    <c:otherwise>
      <c:if test="${truncated}">
        <p class="note">This page shows the first <c:out value="${maxRows}"/> of <c:out value="${resultCount}"/>
          results; all of them are in the <a href="<c:out value='${jsonUrl}'/>">JSON</a>
          and <a href="<c:out value='${csvUrl}'/>">CSV</a>.</p>
      </c:if>
      <div class="table-wrap">
        <table id="results">
          <thead><tr><th scope="col">Image</th><th scope="col">Result</th><th scope="col" class="number">Confidence</th></tr></thead>
          <tbody>
          <c:forEach var="row" items="${rows}">
            <tr>
              <td class="image"><c:out value="${row.image}"/></td>
              <td><span class="result result-<c:out value='${row.result}'/>"><c:out value="${row.result}"/></span>
                <c:if test="${row.failed}"><span class="hint"><c:out value="${row.error}"/></span></c:if></td>
              <td class="number"><c:out value="${row.confidence}"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </div>
    </c:otherwise>
  </c:choose>
</section>
<%@ include file="footer.jspf" %>
