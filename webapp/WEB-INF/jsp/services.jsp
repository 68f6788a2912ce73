<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Services of ${listUserName}"/>
<%@ include file="header.jspf" %>
<section aria-labelledby="list-heading" class="card">
  <div class="card-head">
    <div>
      <p class="eyebrow">Services of</p>
      <h1 id="list-heading"><c:out value="${listUserName}"/></h1>
    </div>
    <a class="button primary" href="<c:url value='/'/>">New service</a>
  </div>
  <c:choose>
    <c:when test="${empty services}">
      <p class="empty">There is no service for this name yet. Names are matched exactly, capitals included.</p>
    </c:when>
    <c:otherwise>
      <p class="hint list-hint">Newest first; at most 100.<span data-zone-note hidden> Times in your time zone,
        <span data-zone></span>; hover a time for UTC.</span></p>
      <div class="table-wrap">
        <table id="services" class="stack-on-phone">
          <caption class="sr-only">Services of <c:out value="${listUserName}"/>, newest first</caption>
          <thead>
          <tr><th scope="col">ServiceID</th><th scope="col">Status</th><th scope="col">Bucket</th>
            <th scope="col">Requested</th><th scope="col">Images</th><th scope="col">Duration</th></tr>
          </thead>
          <tbody>
          <c:forEach var="service" items="${services}">
            <c:url var="serviceUrl" value="/services/${service.serviceId}"/>
            <tr>
              <th scope="row" data-label="ServiceID"><a class="service-id-inline" href="<c:out value='${serviceUrl}'/>"><c:out value="${service.serviceId}"/></a></th>
              <td data-label="Status"><span class="badge status-${service.status}"><c:out value="${service.status}"/></span></td>
              <td data-label="Bucket"><code class="bucket"><c:out value="${service.bucket}"/></code></td>
              <td data-label="Requested"><dn:time value="${service.requested}"/></td>
              <td data-label="Images" class="images">
                <span><c:out value="${service.progress}"/><span class="progress mini${empty service.percent ? ' indeterminate' : ''}" aria-hidden="true"><span class="progress-fill pct-${empty service.percent ? 100 : service.percent}"></span></span></span>
              </td>
              <td data-label="Duration"><c:out value="${service.duration}" default="-"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </div>
    </c:otherwise>
  </c:choose>
</section>
<%@ include file="footer.jspf" %>
